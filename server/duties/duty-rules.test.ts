import { describe, expect, it } from "vitest";
import { DEFAULT_DUTY_SETTINGS, type DutySettings } from "@contract/duties.ts";
import { dutyDeadline, judgeDuty, periodsStartingBetween, type OfficerCalendar } from "./duty-rules.ts";

const wita = (local: string) => new Date(`${local}+08:00`);
const officer: OfficerCalendar = { owesFrom: "2026-01-01", leave: [] };
const none = new Set<string>();
const due = (kind: "daily" | "weekly" | "monthly", period: string, o: Partial<{ settings: DutySettings; holidays: Set<string>; officer: OfficerCalendar }> = {}) =>
  dutyDeadline({ kind, period }, o.settings ?? DEFAULT_DUTY_SETTINGS, o.holidays ?? none, o.officer ?? officer)?.toISOString() ?? null;

describe("duty deadlines and judgement", () => {
  it("judges a daily report across a WITA midnight by the WITA clock, not UTC", () => {
    const deadline = dutyDeadline({ kind: "daily", period: "2026-10-14" }, DEFAULT_DUTY_SETTINGS, none, officer)!;
    expect(deadline.toISOString()).toBe("2026-10-14T12:00:00.000Z");
    expect(judgeDuty(deadline, wita("2026-10-13T23:59:00"), deadline)).toBe("on_time");
    expect(judgeDuty(deadline, wita("2026-10-14T20:00:00"), deadline)).toBe("on_time");
    expect(judgeDuty(deadline, wita("2026-10-14T20:00:01"), deadline)).toBe("late");
    // 00:30 WITA on the 15th is still the 14th in UTC: late all the same.
    expect(judgeDuty(deadline, wita("2026-10-15T00:30:00"), deadline)).toBe("late");
    expect(judgeDuty(deadline, null, wita("2026-10-14T19:59:59"))).toBe("pending");
    expect(judgeDuty(deadline, null, wita("2026-10-14T20:00:00"))).toBe("missing");
  });

  it("gives a week that spans a month end until the Monday after, and a month until the 5th of the next", () => {
    expect(due("weekly", "2026-W44")).toBe(wita("2026-11-02T12:00:00").toISOString());
    expect(due("monthly", "2026-10")).toBe(wita("2026-11-05T23:59:00").toISOString());
    expect(due("monthly", "2026-12")).toBe(wita("2027-01-05T23:59:00").toISOString());
    expect(due("daily", "2026-10-31")).toBe(wita("2026-10-31T20:00:00").toISOString());
  });

  it("carries duties across a quarter end into the next quarter", () => {
    expect(due("daily", "2026-09-30")).toBe(wita("2026-09-30T20:00:00").toISOString());
    expect(due("weekly", "2026-W40")).toBe(wita("2026-10-05T12:00:00").toISOString());
    expect(due("monthly", "2026-09")).toBe(wita("2026-10-05T23:59:00").toISOString());
    const starting = periodsStartingBetween("2026-09-28", "2026-10-01");
    expect(starting).toEqual([
      { kind: "daily", period: "2026-09-28" },
      { kind: "daily", period: "2026-09-29" },
      { kind: "daily", period: "2026-09-30" },
      { kind: "daily", period: "2026-10-01" },
      { kind: "weekly", period: "2026-W40" },
      { kind: "monthly", period: "2026-10" },
    ]);
  });

  it("owes no daily report on a holiday, and moves a deadline that falls on one to the next day", () => {
    const holidays = new Set(["2026-08-17", "2026-10-05"]);
    expect(due("daily", "2026-08-17", { holidays })).toBeNull();
    expect(due("daily", "2026-08-18", { holidays })).toBe(wita("2026-08-18T20:00:00").toISOString());
    expect(due("weekly", "2026-W40", { holidays })).toBe(wita("2026-10-06T12:00:00").toISOString());
    expect(due("monthly", "2026-09", { holidays })).toBe(wita("2026-10-06T23:59:00").toISOString());
  });

  it("excuses days of leave, a week of leave end to end, and moves deadlines past the leave", () => {
    const onLeave: OfficerCalendar = { owesFrom: "2026-01-01", leave: [{ firstDay: "2026-10-12", lastDay: "2026-10-18" }] };
    expect(due("daily", "2026-10-12", { officer: onLeave })).toBeNull();
    expect(due("daily", "2026-10-19", { officer: onLeave })).toBe(wita("2026-10-19T20:00:00").toISOString());
    expect(due("weekly", "2026-W42", { officer: onLeave })).toBeNull();
    // The week before is owed; its Monday deadline falls in the leave and moves to the day after it.
    expect(due("weekly", "2026-W41", { officer: onLeave })).toBe(wita("2026-10-19T12:00:00").toISOString());
    const partly: OfficerCalendar = { owesFrom: "2026-01-01", leave: [{ firstDay: "2026-10-13", lastDay: "2026-10-14" }] };
    expect(due("weekly", "2026-W42", { officer: partly })).toBe(wita("2026-10-19T12:00:00").toISOString());
  });

  it("owes nothing before the officer's start, nor on weekdays or kinds switched off", () => {
    const late: OfficerCalendar = { owesFrom: "2026-10-07", leave: [] };
    expect(due("daily", "2026-10-06", { officer: late })).toBeNull();
    expect(due("weekly", "2026-W41", { officer: late })).toBeNull();
    expect(due("weekly", "2026-W42", { officer: late })).not.toBeNull();
    expect(due("monthly", "2026-10", { officer: late })).toBeNull();
    const weekdaysOnly = { ...DEFAULT_DUTY_SETTINGS, daily: { ...DEFAULT_DUTY_SETTINGS.daily, weekdays: [1, 2, 3, 4, 5] } };
    expect(due("daily", "2026-10-17", { settings: weekdaysOnly })).toBeNull();
    expect(due("daily", "2026-10-16", { settings: weekdaysOnly })).not.toBeNull();
    expect(due("monthly", "2026-10", { settings: { ...DEFAULT_DUTY_SETTINGS, monthly: { ...DEFAULT_DUTY_SETTINGS.monthly, enabled: false } } })).toBeNull();
  });
});
