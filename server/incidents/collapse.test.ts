import { describe, expect, it } from "vitest";
import { collapseByIncident, isIncidentGroup } from "@contract/incidents.ts";

describe("collapseByIncident", () => {
  it("shows the reports of an incident once, where the first of them stood, and leaves the others be", () => {
    const reports = ["a", "b", "c", "d", "e"].map((id) => ({ id, kind: "situation" }));
    const incident = { id: "INS-1", reportIds: ["b", "d", "x"] };
    const items = collapseByIncident(reports, [incident]);
    expect(items.map((i) => (isIncidentGroup(i) ? `${i.incident.id}:${i.reports.map((r) => r.id).join("+")}` : i.id))).toEqual([
      "a",
      "INS-1:b+d",
      "c",
      "e",
    ]);
    // Counting the items counts the incident once.
    expect(items).toHaveLength(4);
  });

  it("tells a group from a report that has fields named like a group's", () => {
    const report = { id: "r", incident: { id: "i" }, reports: [] };
    expect(isIncidentGroup(collapseByIncident([report], [])[0]!)).toBe(false);
  });
});
