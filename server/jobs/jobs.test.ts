import { spawn } from "node:child_process";
import { inject, describe, expect, it } from "vitest";
import type { JobRunView, JobView } from "@contract/jobs.ts";
import { manualClock } from "../core/clock.ts";
import { api, useAccount } from "../test/accounts.ts";
import { openSocket } from "../test/sockets.ts";
import { useTestApp } from "../test/test-app.ts";
import { claimRun, finishRun } from "./jobs.repo.ts";

const clock = manualClock(new Date("2026-10-08T02:00:00Z"));
const t = useTestApp({}, { clock });
const admin = useAccount(t, "admin");
const leader = useAccount(t, "leader");

describe("the jobs API", () => {
  it("lists every job with its schedule and next run, for admins only", async () => {
    const res = await api(t, "GET", "/api/jobs", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    const jobs = res.body.data as JobView[];
    expect(jobs.map((j) => j.name)).toEqual(["rollup-daily", "rollup-weekly", "rollup-monthly", "rollup-quarterly", "rollup-changes", "duty-check", "housekeeping"]);
    expect(jobs.find((j) => j.name === "rollup-monthly")).toMatchObject({ schedule: "15 0 1 * *", nextRunAt: "2026-10-31T16:15:00.000Z" });
    expect((await api(t, "GET", "/api/jobs", { cookie: leader.cookie })).status).toBe(403);
  });

  it("starts a run for an admin at once and shows its progress live and in the runs", async () => {
    const socket = await openSocket(t, { cookie: admin.cookie });
    try {
      const seen: JobRunView[] = [];
      const ended = new Promise<JobRunView>((resolve) =>
        socket.on("job:progress", (run) => {
          seen.push(run);
          if (run.job === "rollup-weekly" && run.outcome !== "running") resolve(run);
        }),
      );
      const res = await api(t, "POST", "/api/jobs/rollup-weekly/run", { cookie: admin.cookie, body: { period: "2026-10-01" } });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      expect(res.body.data).toMatchObject({ job: "rollup-weekly", period: "2026-W40" });
      const end = await ended;
      // W40 is 28 September – 4 October: its seven days in one step, then its week, its two months, its two quarters.
      expect(end).toMatchObject({ id: res.body.data.runId, outcome: "ok", trigger: "manual", progress: { done: 4, total: 4 } });
      expect(seen[0]).toMatchObject({ outcome: "running", progress: { done: 0, total: null } });
      const runs = await api(t, "GET", "/api/jobs/runs?job=rollup-weekly&limit=5", { cookie: admin.cookie });
      expect(runs.body.data[0]).toMatchObject({ id: end.id, outcome: "ok", rows: end.rows });
    } finally {
      socket.close();
    }
  });

  it("refuses a period the job does not have, a job that does not exist, and a run while one is under way", async () => {
    expect((await api(t, "POST", "/api/jobs/rollup-weekly/run", { cookie: admin.cookie, body: { period: "2026-10" } })).status).toBe(400);
    expect((await api(t, "POST", "/api/jobs/no-such-job/run", { cookie: admin.cookie, body: {} })).status).toBe(404);
    // Another node holds the lease and is alive (its heartbeat is fresh).
    const now = clock.now();
    const claim = await claimRun(t.db.sequelize, { job: "rollup-daily", period: "2026-10-07", trigger: "schedule", requestedBy: null, node: "elsewhere", now, staleBefore: now });
    expect("claimed" in claim).toBe(true);
    const busy = await api(t, "POST", "/api/jobs/rollup-daily/run", { cookie: admin.cookie, body: {} });
    expect(busy.status).toBe(409);
    // Eleven minutes without a heartbeat: that node is taken for dead, its run failed, and a new one may start.
    clock.advance(11 * 60_000);
    const taken = await t.services.jobs.runNow("rollup-daily", undefined, "manual", admin.id);
    expect((await taken.done).outcome).toBe("ok");
    const runs = await api(t, "GET", "/api/jobs/runs?job=rollup-daily&limit=2", { cookie: admin.cookie });
    expect(runs.body.data[1]).toMatchObject({ id: "claimed" in claim ? Number(claim.claimed.id) : 0, outcome: "failed" });
    expect(runs.body.data[1].error).toMatch(/abandoned/);
    if ("claimed" in claim) expect(await finishRun(t.db.sequelize, claim.claimed.id, { outcome: "ok", rows: 0, error: null, now })).toBeNull();
  });

  it("runs from the command line, printing progress, and exits non-zero when it cannot", async () => {
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "server/jobs/cli.ts", ...args], {
          env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent", NODE_ENV: "test" },
        });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("close", (code) => resolve({ code, out }));
      });
    const ok = await cli(["rollup-daily", "--from", "2026-10-01", "--to", "2026-10-02"]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/rollup-daily 2026-10-01: ok, \d+ rows/);
    expect(ok.out).toMatch(/rollup-daily 2026-10-02: ok, \d+ rows/);
    const [bad, unknown] = await Promise.all([cli(["rollup-daily", "--date", "2026-02-30"]), cli(["no-such-job"])]);
    expect(bad.code, bad.out).toBe(1);
    expect(unknown.code, unknown.out).toBe(2);
    // Each start of the command line loads TypeScript through tsx: seconds apiece on a busy machine.
  }, 180_000);
});
