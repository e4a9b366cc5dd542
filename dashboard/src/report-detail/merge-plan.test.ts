import { describe, expect, it } from "vitest";
import { mergePlan } from "./merge-plan.ts";

const inc = (id: string) => ({ id, number: `INS-${id}` });

describe("merging duplicates into an incident", () => {
  it("makes a new incident of the report and the chosen candidates when none is in one", () => {
    expect(mergePlan({ id: "r", incident: null }, [{ id: "a", incident: null }, { id: "b", incident: null }])).toEqual({ kind: "create", reportIds: ["r", "a", "b"] });
  });

  it("adds the chosen candidates to the report's own incident", () => {
    expect(mergePlan({ id: "r", incident: { ...inc("i1"), title: "x" } }, [{ id: "a", incident: null }])).toEqual({ kind: "add", incidentId: "i1", reportIds: ["a"] });
  });

  it("joins the incident a chosen candidate is in, bringing the report and the others", () => {
    expect(mergePlan({ id: "r", incident: null }, [{ id: "a", incident: null }, { id: "b", incident: inc("i2") }])).toEqual({ kind: "add", incidentId: "i2", reportIds: ["r", "a"] });
  });
});
