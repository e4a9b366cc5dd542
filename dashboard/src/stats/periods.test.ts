import { describe, expect, it } from "vitest";
import { kindOfKey, periodLabel, periodLastDay, periodOf, periodStart, recentPeriods } from "./periods.ts";

describe("period keys on the dashboard", () => {
  it("names the ISO week, month and quarter of a day, across a year's turn", () => {
    expect(periodOf("week", "2026-11-29")).toBe("2026-W48");
    expect(periodOf("week", "2021-01-03")).toBe("2020-W53");
    expect(periodOf("week", "2024-12-30")).toBe("2025-W01");
    expect(periodOf("month", "2026-11-29")).toBe("2026-11");
    expect(periodOf("quarter", "2026-11-29")).toBe("2026-Q4");
  });

  it("knows each period's first and last day", () => {
    expect([periodStart("week", "2026-W48"), periodLastDay("week", "2026-W48")]).toEqual(["2026-11-23", "2026-11-29"]);
    expect([periodStart("week", "2020-W53"), periodLastDay("week", "2020-W53")]).toEqual(["2020-12-28", "2021-01-03"]);
    expect(periodLastDay("month", "2024-02")).toBe("2024-02-29");
    expect([periodStart("quarter", "2026-Q4"), periodLastDay("quarter", "2026-Q4")]).toEqual(["2026-10-01", "2026-12-31"]);
  });

  it("tells real keys from look-alikes", () => {
    expect(["2026-11-27", "2026-W48", "2026-11", "2026-Q4"].map(kindOfKey)).toEqual(["day", "week", "month", "quarter"]);
    expect(["2026-13", "2026-02-30", "2025-W53", "2026-Q5", "soon"].map(kindOfKey)).toEqual([null, null, null, null, null]);
  });

  it("lists the latest periods, newest first, across a year's turn", () => {
    expect(recentPeriods("quarter", "2026-02-10", 3)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
    expect(recentPeriods("week", "2026-01-05", 3)).toEqual(["2026-W02", "2026-W01", "2025-W52"]);
  });

  it("words periods in Indonesian by default and in English", () => {
    expect(periodLabel("2026-W48", "id-ID")).toBe("M48 · 23–29 Nov 2026");
    expect(periodLabel("2026-W49", "id-ID")).toBe("M49 · 30 Nov–6 Des 2026");
    expect(periodLabel("2026-W48", "en-GB", true)).toBe("W48");
    expect(periodLabel("2026-11", "id-ID")).toBe("November 2026");
    expect(periodLabel("2026-Q4", "id-ID")).toBe("Triwulan IV 2026");
    expect(periodLabel("2026-Q4", "en-GB")).toBe("Q4 2026");
    expect(periodLabel("2026-11-27", "id-ID", true)).toBe("27 Nov");
  });
});
