import { describe, expect, it } from "vitest";
import { defaultPeriod } from "./period.ts";

describe("defaultPeriod", () => {
  // 23:30 WITA on Sunday 31 May 2026 is still 15:30 UTC; the WITA day, week and month must win.
  const lateSunday = Date.parse("2026-05-31T23:30:00+08:00");
  // 00:30 WITA on Monday 1 June 2026 is 16:30 UTC on Sunday.
  const earlyMonday = Date.parse("2026-06-01T00:30:00+08:00");

  it("defaults a daily report to today in WITA", () => {
    expect(defaultPeriod("daily", lateSunday)).toBe("2026-05-31");
    expect(defaultPeriod("daily", earlyMonday)).toBe("2026-06-01");
  });

  it("defaults a weekly report to this ISO week in WITA", () => {
    expect(defaultPeriod("weekly", lateSunday)).toBe("2026-W22");
    expect(defaultPeriod("weekly", earlyMonday)).toBe("2026-W23");
  });

  it("defaults a monthly report to this month in WITA", () => {
    expect(defaultPeriod("monthly", lateSunday)).toBe("2026-05");
    expect(defaultPeriod("monthly", earlyMonday)).toBe("2026-06");
  });
});
