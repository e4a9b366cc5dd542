import { describe, expect, it } from "vitest";
import { applyAlert, applyAlertChange, compareAlerts, evidenceToLoad, isAlarming, sortAlerts } from "./alert-list.ts";
import { testAlert } from "./test-alert.ts";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe("alert order", () => {
  it("puts alerts still waiting for a decision first, then the most severe, then the newest", () => {
    const oldAwas = testAlert({ id: id(1), severity: "awas", openedAt: "2026-03-01T00:00:00.000Z" });
    const newAwas = testAlert({ id: id(2), severity: "awas", openedAt: "2026-03-02T00:00:00.000Z" });
    const siaga = testAlert({ id: id(3), severity: "siaga", openedAt: "2026-03-03T00:00:00.000Z" });
    const acked = testAlert({ id: id(4), severity: "awas", status: "acknowledged", openedAt: "2026-03-04T00:00:00.000Z" });
    const closed = testAlert({ id: id(5), severity: "awas", status: "closed", openedAt: "2026-03-05T00:00:00.000Z" });
    expect(sortAlerts([closed, siaga, acked, oldAwas, newAwas]).map((a) => a.id)).toEqual([id(2), id(1), id(3), id(4), id(5)]);
  });

  it("settles a full tie by id, so two renders agree", () => {
    const a = testAlert({ id: id(1) });
    const b = testAlert({ id: id(2) });
    expect(compareAlerts(a, b)).toBeLessThan(0);
    expect(compareAlerts(b, a)).toBeGreaterThan(0);
  });
});

describe("applying an alert's news to a list", () => {
  it("adds an opened alert to the live list in its place", () => {
    const siaga = testAlert({ id: id(1), severity: "siaga" });
    const opened = testAlert({ id: id(2), severity: "awas" });
    const next = applyAlertChange([siaga], { kind: "opened", alert: opened }, "live");
    expect(next.map((a) => a.id)).toEqual([id(2), id(1)]);
  });

  it("replaces an escalated alert and re-sorts", () => {
    const a = testAlert({ id: id(1), severity: "awas" });
    const b = testAlert({ id: id(2), severity: "waspada" });
    const grown = { ...b, severity: "awas" as const, updatedAt: "2026-03-02T02:00:00.000Z", openedAt: "2026-03-02T01:30:00.000Z" };
    const next = applyAlertChange([a, b], { kind: "escalated", alert: grown }, "live");
    expect(next.map((x) => [x.id, x.severity])).toEqual([
      [id(2), "awas"],
      [id(1), "awas"],
    ]);
  });

  it("removes a closed alert from the live list and adds it to the closed history", () => {
    const open = testAlert({ id: id(1) });
    const closed = { ...open, status: "closed" as const, closedAt: "2026-03-02T03:00:00.000Z", updatedAt: "2026-03-02T03:00:00.000Z", closedReason: "by_hand" as const };
    expect(applyAlertChange([open], { kind: "closed", alert: closed }, "live")).toEqual([]);
    expect(applyAlertChange([], { kind: "closed", alert: closed }, "closed")).toEqual([closed]);
    expect(applyAlertChange([open], { kind: "closed", alert: closed }, "all")).toEqual([closed]);
  });

  it("keeps an opened alert out of the closed history", () => {
    const list = [testAlert({ id: id(1), status: "closed" })];
    expect(applyAlertChange(list, { kind: "opened", alert: testAlert({ id: id(2) }) }, "closed")).toBe(list);
  });

  it("never takes news backwards: an older state arriving late is ignored", () => {
    const acked = testAlert({ status: "acknowledged", updatedAt: "2026-03-02T02:00:00.000Z", acknowledgeNote: "Tim dikirim" });
    const stale = testAlert({ status: "open", updatedAt: "2026-03-02T01:00:00.000Z" });
    const list = [acked];
    expect(applyAlert(list, stale, "live")).toBe(list);
  });

  it("on a shared timestamp, lets the further state win", () => {
    const open = testAlert({ status: "open", updatedAt: "2026-03-02T02:00:00.000Z" });
    const acked = { ...open, status: "acknowledged" as const };
    expect(applyAlert([open], acked, "live")[0]!.status).toBe("acknowledged");
    expect(applyAlert([acked], open, "live")[0]!.status).toBe("acknowledged");
  });

  it("calls only openings and escalations alarming", () => {
    const alert = testAlert();
    expect(["opened", "escalated", "updated", "acknowledged", "closed"].filter((kind) => isAlarming({ kind: kind as "opened", alert }))).toEqual(["opened", "escalated"]);
  });
});

describe("evidence read for the map", () => {
  it("takes the newest reports (the server lists them oldest first) and counts the rest", () => {
    const ids = Array.from({ length: 35 }, (_, i) => `r${i}`);
    const { ids: load, leftOut } = evidenceToLoad(ids, 30);
    expect(load).toHaveLength(30);
    expect(load[0]).toBe("r5");
    expect(load.at(-1)).toBe("r34");
    expect(leftOut).toBe(5);
    expect(evidenceToLoad(["a"], 30)).toEqual({ ids: ["a"], leftOut: 0 });
  });
});
