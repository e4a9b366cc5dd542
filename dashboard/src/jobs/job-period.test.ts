import { describe, expect, it } from "vitest";
import type { JobRunView, JobView } from "@contract/jobs.ts";
import { currentPeriod, daysInPeriod, isLongRun, isPeriodOf, kindOfKey, latestEndedPeriod, periodKindOfJob } from "./job-period.ts";

const run = (period: string): JobRunView => ({
  id: 1,
  job: "x",
  period,
  trigger: "schedule",
  outcome: "ok",
  startedAt: "2026-11-27T16:05:00.000Z",
  finishedAt: "2026-11-27T16:05:01.000Z",
  rows: 3,
  progress: { done: 4, total: 4 },
  error: null,
});
const job = (schedule: string, lastPeriod: string | null = null): Pick<JobView, "schedule" | "lastDonePeriod" | "lastRun"> => ({
  schedule,
  lastDonePeriod: null,
  lastRun: lastPeriod ? run(lastPeriod) : null,
});

/** 2026-11-27 00:30 WITA (a Friday): still the 26th in UTC, which must not matter. */
const FRIDAY_AFTER_MIDNIGHT = Date.parse("2026-11-27T00:30:00+08:00");

describe("the period input of each job", () => {
  it("offers a day, a week, a month or a quarter by the job's schedule, and none for the every-few-minutes jobs", () => {
    expect(periodKindOfJob(job("5 0 * * *"))).toBe("day");
    expect(periodKindOfJob(job("10 0 * * 1"))).toBe("week");
    expect(periodKindOfJob(job("15 0 1 * *"))).toBe("month");
    expect(periodKindOfJob(job("30 0 1 1,4,7,10 *"))).toBe("quarter");
    expect(periodKindOfJob(job("*/10 * * * *"))).toBe("slot");
    expect(periodKindOfJob(job("0 */2 * * *"))).toBe("slot");
  });

  it("trusts the periods the job has run for over its schedule", () => {
    expect(periodKindOfJob(job("0 */2 * * *", "2026-W48"))).toBe("week");
    expect(periodKindOfJob(job("5 0 * * *", "2026-Q4"))).toBe("quarter");
    expect(periodKindOfJob(job("5 0 * * *", "2026-11-27T14:30"))).toBe("slot");
    expect(kindOfKey("2026-11")).toBe("month");
    expect(kindOfKey("next week")).toBeNull();
  });

  it("starts at the period just ended in WITA, and offers nothing later than the one in progress", () => {
    expect(latestEndedPeriod("day", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-11-26");
    expect(latestEndedPeriod("week", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-W47");
    expect(latestEndedPeriod("month", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-10");
    expect(latestEndedPeriod("quarter", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-Q3");
    expect(currentPeriod("day", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-11-27");
    expect(currentPeriod("week", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-W48");
    expect(currentPeriod("quarter", FRIDAY_AFTER_MIDNIGHT)).toBe("2026-Q4");
  });

  it("goes back across a year's start: last December, last year's Q4 and ISO week", () => {
    const newYear = Date.parse("2027-01-01T08:00:00+08:00");
    expect(latestEndedPeriod("day", newYear)).toBe("2026-12-31");
    expect(latestEndedPeriod("month", newYear)).toBe("2026-12");
    expect(latestEndedPeriod("quarter", newYear)).toBe("2026-Q4");
    expect(latestEndedPeriod("week", newYear)).toBe("2026-W52");
  });

  it("accepts only keys of the job's kind that can exist", () => {
    expect(isPeriodOf("day", "2026-11-27")).toBe(true);
    expect(isPeriodOf("day", "2026-02-30")).toBe(false);
    expect(isPeriodOf("day", "2026-W48")).toBe(false);
    expect(isPeriodOf("week", "2026-W48")).toBe(true);
    expect(isPeriodOf("week", "2026-W00")).toBe(false);
    expect(isPeriodOf("month", "2026-13")).toBe(false);
    expect(isPeriodOf("quarter", "2026-Q4")).toBe(true);
    expect(isPeriodOf("quarter", "20-Q4")).toBe(false);
    expect(isPeriodOf("month", "")).toBe(false);
  });

  it("counts the days a run rebuilds, and asks first for a week or more", () => {
    expect(daysInPeriod("day", "2026-11-27")).toBe(1);
    expect(daysInPeriod("week", "2026-W48")).toBe(7);
    expect(daysInPeriod("month", "2028-02")).toBe(29);
    expect(daysInPeriod("quarter", "2026-Q1")).toBe(90);
    expect(daysInPeriod("quarter", "2026-Q4")).toBe(92);
    expect([isLongRun("day"), isLongRun("slot"), isLongRun("week"), isLongRun("quarter")]).toEqual([false, false, true, true]);
  });
});
