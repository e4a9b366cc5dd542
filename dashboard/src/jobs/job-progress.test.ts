import { describe, expect, it } from "vitest";
import type { JobRunView, JobView } from "@contract/jobs.ts";
import { mergeRun, newerRun, progressPercent, runSeconds, withLatestRun } from "./job-progress.ts";

const run = (id: number, patch: Partial<JobRunView> = {}): JobRunView => ({
  id,
  job: "rollup-daily",
  period: "2026-11-26",
  trigger: "manual",
  outcome: "running",
  startedAt: "2026-11-27T01:00:00.000Z",
  finishedAt: null,
  rows: null,
  progress: { done: 0, total: null },
  error: null,
  ...patch,
});

describe("run progress", () => {
  it("is the share of steps done, rounded and kept within 0–100", () => {
    expect(progressPercent(run(1, { progress: { done: 1, total: 4 } }))).toBe(25);
    expect(progressPercent(run(1, { progress: { done: 2, total: 3 } }))).toBe(67);
    expect(progressPercent(run(1, { progress: { done: 9, total: 4 } }))).toBe(100);
  });

  it("is unknown until the run knows its steps, and complete once it ended whatever it last said", () => {
    expect(progressPercent(run(1))).toBeNull();
    expect(progressPercent(run(1, { progress: { done: 0, total: 0 } }))).toBeNull();
    expect(progressPercent(run(1, { outcome: "ok", progress: { done: 2, total: 4 } }))).toBe(100);
    expect(progressPercent(run(1, { outcome: "failed", progress: { done: 0, total: null } }))).toBe(100);
  });

  it("never goes back: a late progress report neither reopens an ended run nor undoes steps", () => {
    const ended = run(1, { outcome: "ok", rows: 12, progress: { done: 4, total: 4 } });
    expect(newerRun(ended, run(1, { progress: { done: 3, total: 4 } }))).toBe(ended);
    const halfway = run(1, { progress: { done: 2, total: 4 } });
    expect(newerRun(halfway, run(1, { progress: { done: 1, total: 4 } }))).toBe(halfway);
    const next = run(1, { progress: { done: 3, total: 4 } });
    expect(newerRun(halfway, next)).toBe(next);
  });

  it("puts a run into the newest-first list by id, and leaves out another job's when filtered", () => {
    const list = [run(5), run(3)];
    expect(mergeRun(list, run(4), null).map((r) => r.id)).toEqual([5, 4, 3]);
    expect(mergeRun(list, run(7), null).map((r) => r.id)).toEqual([7, 5, 3]);
    expect(mergeRun(list, run(5, { outcome: "ok" }), null)[0]!.outcome).toBe("ok");
    expect(mergeRun(list, run(6, { job: "duty-check" }), "rollup-daily").map((r) => r.id)).toEqual([5, 3]);
  });

  it("makes a run its job's latest unless the job knows a later one", () => {
    const job = (lastRun: JobRunView | null): JobView => ({ name: "rollup-daily", description: "", schedule: "5 0 * * *", nextRunAt: "", lastDonePeriod: null, lastRun });
    expect(withLatestRun([job(run(3))], run(4))[0]!.lastRun!.id).toBe(4);
    expect(withLatestRun([job(run(5))], run(4))[0]!.lastRun!.id).toBe(5);
    expect(withLatestRun([job(null)], run(4))[0]!.lastRun!.id).toBe(4);
  });

  it("measures how long a finished run took", () => {
    expect(runSeconds(run(1))).toBeNull();
    expect(runSeconds(run(1, { finishedAt: "2026-11-27T01:02:05.400Z" }))).toBe(125);
  });
});
