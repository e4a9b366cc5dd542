import { describe, expect, it } from "vitest";
import { calendarJob, CATCH_UP_DAYS, intervalJob, slotOf } from "./job.ts";

const run = async () => ({ rows: 0 });
const daily = calendarJob({ name: "d", description: "", kind: "day", offsetMinutes: 5, schedule: "5 0 * * *", run });
const weekly = calendarJob({ name: "w", description: "", kind: "week", offsetMinutes: 10, schedule: "10 0 * * 1", run });
const quarterly = calendarJob({ name: "q", description: "", kind: "quarter", offsetMinutes: 30, schedule: "30 0 1 1,4,7,10 *", run });
const every10 = intervalJob({ name: "c", description: "", everyMinutes: 10, run });
const wita = (local: string) => new Date(`${local}+08:00`);

describe("a calendar job", () => {
  it("owes a day once the schedule has fired after it, in WITA", () => {
    expect(daily.periodsDue("2026-11-26", wita("2026-11-28T00:04:59"))).toEqual([]);
    expect(daily.periodsDue("2026-11-26", wita("2026-11-28T00:05:00"))).toEqual(["2026-11-27"]);
    expect(daily.nextRunAt(wita("2026-11-28T00:05:00")).toISOString()).toBe(wita("2026-11-29T00:05:00").toISOString());
    expect(daily.nextRunAt(wita("2026-11-28T00:04:00")).toISOString()).toBe(wita("2026-11-28T00:05:00").toISOString());
  });

  it("catches up every period missed since the last one done, oldest first", () => {
    expect(daily.periodsDue("2026-11-24", wita("2026-11-28T09:00:00"))).toEqual(["2026-11-25", "2026-11-26", "2026-11-27"]);
    expect(weekly.periodsDue("2026-W45", wita("2026-11-30T00:10:00"))).toEqual(["2026-W46", "2026-W47", "2026-W48"]);
    expect(quarterly.periodsDue("2026-Q2", wita("2026-10-01T00:29:00"))).toEqual([]);
    expect(quarterly.periodsDue("2026-Q2", wita("2026-10-01T00:30:00"))).toEqual(["2026-Q3"]);
  });

  it("runs only the latest period the first time, and looks back no further than the catch-up bound", () => {
    expect(daily.periodsDue(null, wita("2026-11-28T09:00:00"))).toEqual(["2026-11-27"]);
    const due = daily.periodsDue("2020-01-01", wita("2026-11-28T09:00:00"));
    expect(due.length).toBe(CATCH_UP_DAYS);
    expect(due[due.length - 1]).toBe("2026-11-27");
  });

  it("takes a period by its key or by a day inside it", () => {
    const now = wita("2026-11-28T09:00:00");
    expect(weekly.periodFor("2026-11-27", now)).toBe("2026-W48");
    expect(weekly.periodFor("2026-W47", now)).toBe("2026-W47");
    expect(weekly.periodFor(undefined, now)).toBe("2026-W47");
    expect(weekly.periodFor("2026-11", now)).toBeNull();
    expect(daily.periodFor("2026-02-30", now)).toBeNull();
  });
});

describe("an interval job", () => {
  it("runs once per slot, the latest only", () => {
    expect(slotOf(wita("2026-11-28T14:37:00"), 10)).toBe("2026-11-28T14:30");
    expect(every10.periodsDue(null, wita("2026-11-28T14:37:00"))).toEqual(["2026-11-28T14:30"]);
    expect(every10.periodsDue("2026-11-25T08:00", wita("2026-11-28T14:37:00"))).toEqual(["2026-11-28T14:30"]);
    expect(every10.periodsDue("2026-11-28T14:30", wita("2026-11-28T14:39:59"))).toEqual([]);
    expect(every10.nextRunAt(wita("2026-11-28T14:37:00")).toISOString()).toBe(wita("2026-11-28T14:40:00").toISOString());
    expect(every10.periodFor("2026-11-28T14:37", wita("2026-11-28T14:37:00"))).toBe("2026-11-28T14:30");
    expect(every10.periodFor("2026-11-28T25:00", wita("2026-11-28T14:37:00"))).toBeNull();
  });
});
