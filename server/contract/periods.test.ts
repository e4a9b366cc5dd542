import { describe, expect, it } from "vitest";
import { kindOfKey, nextPeriod, periodEnd, periodOf, periodsCovering, periodStart, previousPeriod, witaDay, witaInstant } from "./periods.ts";

describe("WITA periods", () => {
  it("puts an instant on its WITA day, not its UTC day", () => {
    expect(witaDay(new Date("2026-11-27T15:59:59Z"))).toBe("2026-11-27");
    expect(witaDay(new Date("2026-11-27T16:00:00Z"))).toBe("2026-11-28");
    expect(witaInstant("2026-11-28", "00:00").toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(witaInstant("2026-11-27", "20:00").toISOString()).toBe("2026-11-27T12:00:00.000Z");
  });

  it("names ISO weeks by the year of their Thursday", () => {
    expect(periodOf("week", "2026-11-27")).toBe("2026-W48");
    expect(periodStart("week", "2026-W48")).toBe("2026-11-23");
    expect(periodOf("week", "2025-12-29")).toBe("2026-W01");
    expect(periodOf("week", "2021-01-03")).toBe("2020-W53");
    expect(periodStart("week", "2020-W53")).toBe("2020-12-28");
    expect(periodEnd("week", "2020-W53")).toBe("2021-01-04");
  });

  it("walks months and quarters across year ends", () => {
    expect(periodOf("quarter", "2026-09-30")).toBe("2026-Q3");
    expect(periodStart("quarter", "2026-Q4")).toBe("2026-10-01");
    expect(periodEnd("quarter", "2026-Q4")).toBe("2027-01-01");
    expect(nextPeriod("month", "2026-12")).toBe("2027-01");
    expect(previousPeriod("quarter", "2027-Q1")).toBe("2026-Q4");
    expect(previousPeriod("day", "2024-03-01")).toBe("2024-02-29");
    expect(periodsCovering("month", "2026-11-15", "2027-01-02")).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(periodsCovering("week", "2026-11-27", "2026-12-01")).toEqual(["2026-W48", "2026-W49"]);
  });

  it("knows a real period key from one that only looks like one", () => {
    expect(kindOfKey("2026-11-27")).toBe("day");
    expect(kindOfKey("2026-W53")).toBe("week");
    expect(kindOfKey("2025-W53")).toBeNull();
    expect(kindOfKey("2026-13")).toBeNull();
    expect(kindOfKey("2026-02-30")).toBeNull();
    expect(kindOfKey("2026-Q4")).toBe("quarter");
    expect(kindOfKey("2026-Q5")).toBeNull();
    expect(kindOfKey("last week")).toBeNull();
  });
});
