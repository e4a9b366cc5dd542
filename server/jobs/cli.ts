/**
 * Run a scheduled job by hand, for one period or a range:
 *
 *   npm run job -- rollup-daily --date 2026-11-27
 *   npm run job -- rollup-daily --from 2026-11-01 --to 2026-11-27
 *   npm run job -- rollup-quarterly --period 2026-Q3
 *   npm run job -- duty-check
 *   npm run job -- --list
 *
 * Uses the server's configuration (DATABASE_URL…). Each period runs like a run started from the
 * dashboard: it takes the job's lease (refused while a server runs the same job) and is recorded in
 * job_runs with trigger `cli`. Prints progress; exits 1 when a run failed, 2 on a usage error. With the
 * embedded database stop the server first: one PGlite data directory serves one process.
 */
import { parseArgs } from "node:util";
import { parseConfig } from "../config.ts";
import { systemClock } from "../core/clock.ts";
import { openDatabase } from "../core/db.ts";
import { AppError } from "../core/errors.ts";
import { categoryLogger, createLogger } from "../core/logger.ts";
import { migrateUp } from "../core/migrate.ts";
import { createDutiesService } from "../duties/duties.service.ts";
import { createRollupsService } from "../rollups/rollups.service.ts";
import { addDays, kindOfKey } from "@contract/periods.ts";
import type { JobRunView } from "@contract/jobs.ts";
import { housekeepingOf } from "../housekeeping/housekeeping.service.ts";
import { scheduledJobs } from "./catalog.ts";
import { createJobsService } from "./jobs.service.ts";
import type { Job } from "./job.ts";

const out = (line: string) => process.stdout.write(`${line}\n`);
const usage = () => {
  process.stderr.write("usage: npm run job -- <job> [--date DAY | --period KEY | --from DAY --to DAY]   (npm run job -- --list)\n");
  process.exit(2);
};

/** The periods to run, oldest first: one (given or the latest due), or every period touching --from…--to. */
function periodsOf(job: Job, opts: { date?: string; period?: string; from?: string; to?: string }): (string | undefined)[] {
  if (opts.from || opts.to) {
    if (!opts.from || !opts.to || kindOfKey(opts.from) !== "day" || kindOfKey(opts.to) !== "day" || opts.from > opts.to) usage();
    const periods: string[] = [];
    for (let day = opts.from!; day <= opts.to!; day = addDays(day, 1)) {
      const p = job.periodFor(day, systemClock.now());
      if (p && !periods.includes(p)) periods.push(p);
    }
    return periods;
  }
  return [opts.date ?? opts.period];
}

function printRun(run: JobRunView) {
  const { done, total } = run.progress;
  if (run.outcome === "running") out(`${run.job} ${run.period}: ${total ? `${done}/${total}` : "started"}`);
  else out(`${run.job} ${run.period}: ${run.outcome}${run.rows !== null ? `, ${run.rows} rows` : ""}${run.error ? ` — ${run.error}` : ""}`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { date: { type: "string" }, period: { type: "string" }, from: { type: "string" }, to: { type: "string" }, list: { type: "boolean" } },
  });
  const config = parseConfig(process.env);
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  // One connection: runs go one after another, and an embedded database wants no more (see core/db.ts).
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: 1, log: categoryLogger(log, "db") });
  try {
    await migrateUp(db.sequelize, categoryLogger(log, "db"));
    const rollups = createRollupsService(db.sequelize);
    const duties = createDutiesService({ db: db.sequelize, clock: systemClock });
    const jobs = createJobsService({ db: db.sequelize, clock: systemClock, log: categoryLogger(log, "job"), jobs: scheduledJobs({ rollups, duties, housekeeping: housekeepingOf(db.sequelize, config) }), announce: printRun });
    if (values.list) {
      for (const j of await jobs.list()) out(`${j.name.padEnd(18)} ${j.schedule.padEnd(18)} last done ${j.lastDonePeriod ?? "-"}  next ${j.nextRunAt}  ${j.description}`);
      return 0;
    }
    const job = jobs.jobs.find((j) => j.name === positionals[0]);
    if (!job) {
      process.stderr.write(`no job named ${positionals[0] ?? "(none)"}; have: ${jobs.jobs.map((j) => j.name).join(", ")}\n`);
      return 2;
    }
    let failed = 0;
    for (const period of periodsOf(job, values)) {
      const { done } = await jobs.runNow(job.name, period, "cli", null);
      if ((await done).outcome !== "ok") failed++;
    }
    return failed ? 1 : 0;
  } catch (err) {
    process.stderr.write(`${err instanceof AppError ? `${err.message}${err.fields ? ` ${JSON.stringify(err.fields)}` : ""}` : err instanceof Error ? err.stack : String(err)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code));
