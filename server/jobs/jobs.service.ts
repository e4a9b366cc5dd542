import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";
import type { JobRunStarted, JobRunView, JobTrigger, JobView } from "@contract/jobs.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import type { RequestContext } from "../core/request-context.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { Job, JobContext } from "./job.ts";
import { claimRun, finishRun, getLastScheduledPeriods, getLatestRuns, listRuns, pruneRuns, saveRunProgress, type JobRunRow } from "./jobs.repo.ts";
import { presentRun } from "./jobs.present.ts";

export interface JobsServiceDeps {
  db: Sequelize;
  clock: Clock;
  log: Logger;
  /** In the order they catch up: a week's rollup is built from its days, so days come first. */
  jobs: Job[];
  /** Where runs go live as they start, progress and end (admins' sockets; the command line prints them). */
  announce?: (run: JobRunView) => void;
  /** A running attempt without a heartbeat for this long is taken to be dead. */
  staleMinutes?: number;
  /** Where a run started by an admin is recorded (`job.run`); the command line has none. */
  audit?: AuditService;
}

/** Every 5 minutes each job is asked whether it owes a period: retries after a failure, catch-up after a stall. */
const SWEEP = "*/5 * * * *";
/** Progress is saved and sent at most this often (and always at the end). */
const PROGRESS_EVERY_MS = 500;

/**
 * The scheduler and runner of jobs. Every node runs one; a period runs once across all of them: each
 * attempt first claims the job's lease (jobs.repo.ts claimRun), and `run` itself recomputes, so a rerun
 * by hand is harmless. `start` catches up what was missed, then follows the cron schedules (WITA).
 */
export function createJobsService({ db, clock, log, jobs, announce = () => {}, staleMinutes = 10, audit }: JobsServiceDeps) {
  const node = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const executions = new Set<Promise<unknown>>();
  const queues = new Map<string, Promise<unknown>>();
  let tasks: ScheduledTask[] = [];
  let stopped = false;

  /** One catch-up per job at a time in this process (the cron tick and the sweep may meet). */
  function serially(name: string, fn: () => Promise<void>): Promise<void> {
    const next = (queues.get(name) ?? Promise.resolve()).then(fn);
    queues.set(name, next.catch(() => {}));
    return next;
  }

  function track<T>(p: Promise<T>): Promise<T> {
    executions.add(p);
    void p.finally(() => executions.delete(p)).catch(() => {});
    return p;
  }

  async function execute(job: Job, run: JobRunRow): Promise<JobRunRow> {
    const runLog = log.child({ job: job.name, period: run.period, runId: run.id });
    let sentAt = 0;
    const ctx: JobContext = {
      now: clock.now(),
      trigger: run.trigger,
      log: runLog,
      async progress(done, total) {
        if (done < total && Date.now() - sentAt < PROGRESS_EVERY_MS) return;
        sentAt = Date.now();
        announce(presentRun({ ...run, progress_done: done, progress_total: total }));
        await saveRunProgress(db, run.id, done, total, clock.now());
      },
    };
    announce(presentRun(run));
    const started = Date.now();
    let end: { outcome: "ok" | "failed"; rows: number | null; error: string | null };
    try {
      const { rows } = await job.run(run.period, ctx);
      end = { outcome: "ok", rows, error: null };
      runLog.info({ rows, ms: Date.now() - started, trigger: run.trigger }, "job run done");
    } catch (err) {
      end = { outcome: "failed", rows: null, error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500) };
      runLog.error({ err, ms: Date.now() - started, trigger: run.trigger }, "job run failed");
    }
    const finished = await finishRun(db, run.id, { ...end, now: clock.now() });
    if (!finished) runLog.warn("job run was taken over by another node before it ended");
    if (finished) announce(presentRun(finished));
    if (job.keepRunsDays) await pruneRuns(db, job.name, new Date(clock.now().getTime() - job.keepRunsDays * 86_400_000));
    return finished ?? { ...run, outcome: "failed" };
  }

  const claimFor = (job: Job, period: string, trigger: JobTrigger, requestedBy: string | null) => {
    const now = clock.now();
    return claimRun(db, { job: job.name, period, trigger, requestedBy, node, now, staleBefore: new Date(now.getTime() - staleMinutes * 60_000) });
  };

  /** Run every period the job owes now, oldest first; stop at a failure (the next tick retries it) or another node's run. */
  function catchUp(job: Job): Promise<void> {
    return serially(job.name, async () => {
      const lastDone = (await getLastScheduledPeriods(db)).get(job.name) ?? null;
      for (const period of job.periodsDue(lastDone, clock.now())) {
        if (stopped) return;
        const claim = await claimFor(job, period, "schedule", null);
        if ("refused" in claim) {
          if (claim.refused === "running") return;
          continue;
        }
        const end = await track(execute(job, claim.claimed));
        if (end.outcome !== "ok") return;
      }
    });
  }

  /** Resolves when the runs and catch-ups under way in this process have ended. */
  async function settled(): Promise<void> {
    await Promise.allSettled([...queues.values(), ...executions]);
  }

  /** Catch up every job (or the named ones), in their order. */
  async function tick(names?: string[]): Promise<void> {
    for (const job of jobs) {
      if (names && !names.includes(job.name)) continue;
      await catchUp(job).catch((err: unknown) => log.error({ err, job: job.name }, "job catch-up failed"));
    }
  }

  return {
    jobs,
    tick,

    /** Catch up now (resolves when done), then run on schedule. */
    async start(): Promise<void> {
      stopped = false;
      const options = { timezone: "Asia/Makassar", noOverlap: true };
      tasks = [
        ...jobs.map((job) => cron.schedule(job.schedule, () => tick([job.name]), { ...options, name: `job:${job.name}` })),
        cron.schedule(SWEEP, () => tick(), { ...options, name: "job:sweep" }),
      ];
      await tick();
    },

    /** No new runs; resolves when the runs under way have ended. */
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(tasks.map((t) => t.destroy()));
      tasks = [];
      await settled();
    },

    settled,

    /**
     * Start a run by hand (an admin, the command line), whether or not its period was done: answers as
     * soon as the lease is taken; `done` settles when the run ends. 409 while the job runs elsewhere.
     * With `ctx` (an admin's request) the start is recorded in the audit log as `job.run`.
     */
    async runNow(
      name: string,
      periodInput: string | undefined,
      trigger: "manual" | "cli",
      requestedBy: string | null,
      ctx?: RequestContext,
    ): Promise<{ started: JobRunStarted; done: Promise<JobRunView> }> {
      const job = byName.get(name);
      if (!job) throw notFound(`No job named ${name}`);
      const period = job.periodFor(periodInput, clock.now());
      if (!period) throw invalid("Not a period of this job", { period: "must be a period of this job, or a day inside one" });
      const claim = await claimFor(job, period, trigger, requestedBy);
      if ("refused" in claim) throw conflict(claim.refused === "running" ? `${name} is running already (period ${claim.run.period})` : `${name} ${period} is done`);
      const done = track(execute(job, claim.claimed)).then(presentRun);
      if (ctx && audit) await audit.record(ctx, "job.run", { targetType: "job", targetId: String(claim.claimed.id), details: { job: name, period, trigger } });
      return { started: { runId: claim.claimed.id, job: name, period }, done };
    },

    async list(): Promise<JobView[]> {
      const [lastDone, latest] = await Promise.all([getLastScheduledPeriods(db), getLatestRuns(db)]);
      const now = clock.now();
      return jobs.map((job) => {
        const last = latest.get(job.name);
        return {
          name: job.name,
          description: job.description,
          schedule: job.schedule,
          nextRunAt: job.nextRunAt(now).toISOString(),
          lastDonePeriod: lastDone.get(job.name) ?? null,
          lastRun: last ? presentRun(last) : null,
        };
      });
    },

    async runs(job: string | null, limit: number): Promise<JobRunView[]> {
      return (await listRuns(db, job, limit)).map(presentRun);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
