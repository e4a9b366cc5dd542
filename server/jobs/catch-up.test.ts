import { describe, expect, it } from "vitest";
import { manualClock } from "../core/clock.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { listRuns, pruneRuns, type JobRunRow } from "./jobs.repo.ts";

/**
 * Catch-up and one-node-at-a-time, with an injected clock: the schedules never fire by themselves in
 * here (the cron runs on real time), so what runs is what `start` catches up.
 */

const wita = (local: string) => new Date(`${local}+08:00`);

/** Every attempt of every job goes: each test starts from a server that never ran a job. */
async function forgetRuns(t: TestApp) {
  for (const job of t.services.jobs.jobs) await pruneRuns(t.db.sequelize, job.name, new Date("2100-01-01T00:00:00Z"));
}

const byJob = (runs: JobRunRow[]) =>
  runs.reduce<Record<string, string[]>>((acc, r) => ({ ...acc, [r.job]: [...(acc[r.job] ?? []), r.period].sort() }), {});

async function stopped(t: TestApp) {
  await t.services.jobs.stop();
  await t.close();
}

describe("scheduled jobs", () => {
  it("catch up, after three days down, exactly the periods missed, once each", async () => {
    const clock = manualClock(wita("2026-09-29T00:20:00"));
    let t = await startTestApp({}, { clock });
    let seen: number;
    try {
      await forgetRuns(t);
      // Up on Tuesday the 29th: each job did the latest period it owed.
      await t.services.jobs.start();
      const first = await listRuns(t.db.sequelize, null, 500);
      expect(byJob(first)).toEqual({
        "rollup-daily": ["2026-09-28"],
        "rollup-weekly": ["2026-W39"],
        "rollup-monthly": ["2026-08"],
        "rollup-quarterly": ["2026-Q2"],
        "rollup-changes": ["2026-09-29T00:20"],
        "duty-check": ["2026-09-29T00:15"],
        housekeeping: ["2026-09-27"],
      });
      seen = Math.max(...first.map((r) => r.id));
    } finally {
      await stopped(t);
    }

    // Down from then until Friday 00:20: three days, a month end and a quarter end.
    clock.set(wita("2026-10-02T00:20:00"));
    t = await startTestApp({}, { clock });
    try {
      await t.services.jobs.start();
      const missed = (await listRuns(t.db.sequelize, null, 500)).filter((r) => r.id > seen);
      expect(byJob(missed)).toEqual({
        "rollup-daily": ["2026-09-29", "2026-09-30", "2026-10-01"],
        "rollup-monthly": ["2026-09"],
        "rollup-quarterly": ["2026-Q3"],
        "rollup-changes": ["2026-10-02T00:20"],
        "duty-check": ["2026-10-02T00:15"],
        housekeeping: ["2026-09-28", "2026-09-29", "2026-09-30"],
      });
      expect(missed.every((r) => r.outcome === "ok" && r.trigger === "schedule")).toBe(true);
      // Days before the weeks and months built from them, months before the quarter: the catch-up order.
      const order = missed.sort((a, b) => a.id - b.id).map((r) => r.job);
      expect(order.indexOf("rollup-monthly")).toBeGreaterThan(order.lastIndexOf("rollup-daily"));
      expect(order.indexOf("rollup-quarterly")).toBeGreaterThan(order.indexOf("rollup-monthly"));

      // Started again at the same moment: nothing is owed any more.
      await t.services.jobs.stop();
      await t.services.jobs.start();
      expect((await listRuns(t.db.sequelize, null, 500)).filter((r) => r.id > seen)).toHaveLength(missed.length);
    } finally {
      await stopped(t);
    }
  });

  it("run each job once for a period when two servers on one database start together", async () => {
    const clock = manualClock(wita("2026-10-05T00:40:00"));
    const a = await startTestApp({}, { clock });
    const b = await startTestApp({}, { clock });
    try {
      await forgetRuns(a);
      await Promise.all([a.services.jobs.start(), b.services.jobs.start()]);
      const runs = await listRuns(a.db.sequelize, null, 500);
      expect(byJob(runs)).toEqual({
        "rollup-daily": ["2026-10-04"],
        "rollup-weekly": ["2026-W40"],
        "rollup-monthly": ["2026-09"],
        "rollup-quarterly": ["2026-Q3"],
        "rollup-changes": ["2026-10-05T00:40"],
        "duty-check": ["2026-10-05T00:30"],
        housekeeping: ["2026-10-03"],
      });
      expect(runs.map((r) => r.outcome)).toEqual(runs.map(() => "ok"));
    } finally {
      await stopped(a);
      await stopped(b);
    }
  });
});
