import { describe, expect, it } from "vitest";
import { DEFAULT_DUTY_SETTINGS, type DutyView } from "@contract/duties.ts";
import { deadlineDay, dutyLines, owedPeriod, projectedDeadline, type KnownDuties } from "./duty-reminders.ts";

const wita = (local: string) => Date.parse(`${local}+08:00`);
const iso = (local: string) => new Date(wita(local)).toISOString();
const duty = (kind: DutyView["kind"], period: string, dueAt: string, status: DutyView["status"] = "pending"): DutyView => ({
  officerId: "u1",
  kind,
  period,
  dueAt: iso(dueAt),
  remindAt: iso(dueAt),
  status,
  reportId: null,
  sentAt: null,
});
const known = (fetchedAt: string, ...duties: DutyView[]): KnownDuties => ({ duties: { duties, settings: DEFAULT_DUTY_SETTINGS }, fetchedAt: wita(fetchedAt) });
const brief = (lines: ReturnType<typeof dutyLines>) => lines.map((l) => `${l.kind} ${l.period} ${l.state}${l.waiting ? " waiting" : ""}`);

// Monday 30 November 2026, as the server answered at 09:00 WITA.
const monday = known(
  "2026-11-30T09:00:00",
  duty("daily", "2026-11-29", "2026-11-29T20:00:00", "missing"),
  duty("weekly", "2026-W48", "2026-11-30T12:00:00"),
  duty("daily", "2026-11-30", "2026-11-30T20:00:00"),
  duty("monthly", "2026-11", "2026-12-05T23:59:00"),
  duty("weekly", "2026-W49", "2026-12-07T12:00:00"),
);

describe("dutyLines", () => {
  it("names the nearest open duty of each kind, near ones highlighted", () => {
    expect(brief(dutyLines(wita("2026-11-30T09:00:00"), monday, [], []))).toEqual(["daily 2026-11-30 due", "weekly 2026-W48 due", "monthly 2026-11 due"]);
    // Less than two hours (the reminder lead) before noon, last week's report is near.
    expect(brief(dutyLines(wita("2026-11-30T10:30:00"), monday, [], []))).toContain("weekly 2026-W48 soon");
    // Past noon, last week's is missed: this week's is the one to write now.
    expect(brief(dutyLines(wita("2026-11-30T12:30:00"), monday, [], []))).toContain("weekly 2026-W49 due");
    expect(brief(dutyLines(wita("2026-11-30T19:00:00"), monday, [], []))).toContain("daily 2026-11-30 soon");
  });

  it("says a missed daily report is late until the next day's is owed", () => {
    expect(brief(dutyLines(wita("2026-11-30T21:00:00"), monday, [], []))[0]).toBe("daily 2026-11-30 overdue");
  });

  it("crosses WITA midnight and a month end with the duties fetched the day before", () => {
    // 00:10 WITA on 1 December (still 30 November in UTC): today's daily and December are projected from
    // the settings; November's monthly report is still owed by the 5th.
    const lines = dutyLines(wita("2026-12-01T00:10:00"), monday, [], []);
    expect(brief(lines)).toEqual(["daily 2026-12-01 due", "weekly 2026-W49 due", "monthly 2026-11 due"]);
    expect(lines[0]!.dueAt).toBe(wita("2026-12-01T20:00:00"));
    // At 23:30 WITA on the 30th it was still November's daily (late), not December's.
    expect(brief(dutyLines(wita("2026-11-30T23:30:00"), monday, [], []))[0]).toBe("daily 2026-11-30 overdue");
  });

  it("projects nothing the server left out on purpose (a day off) for a period it already knew", () => {
    const dayOff = known("2026-11-30T09:00:00", duty("weekly", "2026-W49", "2026-12-07T12:00:00"));
    expect(brief(dutyLines(wita("2026-11-30T10:00:00"), dayOff, [], []))).toEqual(["weekly 2026-W49 due"]);
  });

  it("counts a report waiting in the outbox or on the server as done", () => {
    const now = wita("2026-11-30T13:00:00");
    const firstWeek = known("2026-11-30T09:00:00", duty("daily", "2026-11-30", "2026-11-30T20:00:00"), duty("weekly", "2026-W49", "2026-12-07T12:00:00"));
    const queued = [{ kind: "weekly" as const, payload: { period: "2026-W49" } }];
    expect(brief(dutyLines(now, firstWeek, queued, []))).toEqual(["daily 2026-11-30 due", "weekly 2026-W49 done waiting"]);
    const sent = [{ kind: "daily" as const, period: "2026-11-30", status: "submitted" as const }];
    expect(brief(dutyLines(now, firstWeek, [], sent))).toContain("daily 2026-11-30 done");
    // A rejected report meets nothing.
    expect(brief(dutyLines(now, firstWeek, [], [{ ...sent[0]!, status: "rejected" }]))).toContain("daily 2026-11-30 due");
    // A duty missed within the day comes before one already met: it can still be sent, late.
    expect(brief(dutyLines(now, monday, queued, []))).toContain("weekly 2026-W48 overdue");
    const judged = known("2026-11-30T09:00:00", duty("weekly", "2026-W49", "2026-12-07T12:00:00", "on_time"));
    expect(brief(dutyLines(now, judged, [], []))).toEqual(["weekly 2026-W49 done"]);
  });

  it("says nothing before duties were ever fetched", () => {
    expect(dutyLines(wita("2026-11-30T09:00:00"), null, [], [])).toEqual([]);
  });
});

describe("owedPeriod", () => {
  it("opens the form on the period the home screen names, else on the current one", () => {
    const lines = dutyLines(wita("2026-11-30T09:00:00"), monday, [], []);
    expect(owedPeriod("weekly", lines, wita("2026-11-30T09:00:00"))).toBe("2026-W48");
    expect(owedPeriod("monthly", lines, wita("2026-11-30T09:00:00"))).toBe("2026-11");
    expect(owedPeriod("weekly", [], wita("2026-11-30T09:00:00"))).toBe("2026-W49");
  });
});

describe("projectedDeadline", () => {
  it("follows the settings: daily on its day, weekly the Monday after, monthly the 5th after", () => {
    expect(projectedDeadline("daily", "2026-12-01", DEFAULT_DUTY_SETTINGS)).toBe(wita("2026-12-01T20:00:00"));
    expect(projectedDeadline("weekly", "2026-W49", DEFAULT_DUTY_SETTINGS)).toBe(wita("2026-12-07T12:00:00"));
    expect(projectedDeadline("monthly", "2026-12", DEFAULT_DUTY_SETTINGS)).toBe(wita("2027-01-05T23:59:00"));
    const weekdaysOnly = { ...DEFAULT_DUTY_SETTINGS, daily: { ...DEFAULT_DUTY_SETTINGS.daily, weekdays: [1, 2, 3, 4, 5] } };
    expect(projectedDeadline("daily", "2026-12-06", weekdaysOnly)).toBeNull(); // a Sunday
  });
});

describe("deadlineDay", () => {
  it("words the deadline by the WITA day", () => {
    const now = wita("2026-11-30T23:30:00");
    expect(deadlineDay(wita("2026-11-30T23:59:00"), now)).toBe("today");
    expect(deadlineDay(wita("2026-12-01T00:30:00"), now)).toBe("tomorrow");
    expect(deadlineDay(wita("2026-12-05T23:59:00"), now)).toBe("later");
    expect(deadlineDay(wita("2026-11-30T20:00:00"), wita("2026-12-01T00:10:00"))).toBe("past");
  });
});
