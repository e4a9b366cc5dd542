import { QueryTypes, type Sequelize } from "sequelize";
import type { JobOutcome, JobTrigger } from "@contract/jobs.ts";

/** `job_runs`: every attempt of a scheduled job at a period (see migration 0013). Written only here. */

export interface JobRunRow {
  id: number;
  job: string;
  period: string;
  trigger: JobTrigger;
  outcome: JobOutcome;
  started_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
  rows: number | null;
  progress_done: number;
  progress_total: number | null;
  error: string | null;
}

const COLUMNS = `id, job, period, trigger, outcome, started_at, heartbeat_at, finished_at, rows, progress_done, progress_total, error`;

export interface ClaimRequest {
  job: string;
  period: string;
  trigger: JobTrigger;
  requestedBy: string | null;
  node: string;
  now: Date;
  /** A running attempt whose heartbeat is older than this has lost its node: it is marked failed. */
  staleBefore: Date;
}

export type Claim = { claimed: JobRunRow } | { refused: "running"; run: JobRunRow } | { refused: "done" };

/**
 * Take the job's lease for one period, or learn why not: another attempt of this job is running (on any
 * node), or — for the scheduler — the period was done on schedule already. Under a transaction-scoped
 * advisory lock per job, so of nodes claiming at once one wins and the others see its row; on PGlite,
 * whose transactions run one after another anyway, the check on the rows is what decides.
 */
export async function claimRun(db: Sequelize, c: ClaimRequest): Promise<Claim> {
  return db.transaction(async (transaction) => {
    const q = <T extends object>(sql: string, replacements: Record<string, unknown>) =>
      db.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
    await q(`SELECT pg_advisory_xact_lock(hashtext('job:' || :job)) AS locked`, { job: c.job });
    const [running] = await q<JobRunRow>(`SELECT ${COLUMNS} FROM job_runs WHERE job = :job AND outcome = 'running'`, { job: c.job });
    if (running && new Date(running.heartbeat_at) >= c.staleBefore) return { refused: "running" as const, run: running };
    if (running)
      await q(
        `UPDATE job_runs SET outcome = 'failed', finished_at = :now, error = 'abandoned: its node stopped reporting progress'
         WHERE id = :id RETURNING id`,
        { id: running.id, now: c.now },
      );
    if (c.trigger === "schedule") {
      const [done] = await q(`SELECT 1 AS done FROM job_runs WHERE job = :job AND period = :period AND outcome = 'ok' AND trigger = 'schedule'`, { ...c });
      if (done) return { refused: "done" as const };
    }
    const [claimed] = await q<JobRunRow>(
      `INSERT INTO job_runs (job, period, trigger, requested_by, node, outcome, started_at, heartbeat_at)
       VALUES (:job, :period, :trigger, :requestedBy, :node, 'running', :now, :now)
       RETURNING ${COLUMNS}`,
      { ...c },
    );
    return { claimed: claimed! };
  });
}

/** Progress of a running attempt; also its heartbeat. */
export async function saveRunProgress(db: Sequelize, id: number, done: number, total: number, now: Date): Promise<void> {
  await db.query(`UPDATE job_runs SET progress_done = :done, progress_total = :total, heartbeat_at = :now WHERE id = :id AND outcome = 'running'`, {
    replacements: { id, done, total, now },
  });
}

/**
 * The end of an attempt. Null when the attempt was no longer running: another node found it stale and
 * took over, so its outcome is not ours to write.
 */
export async function finishRun(
  db: Sequelize,
  id: number,
  end: { outcome: "ok" | "failed"; rows: number | null; error: string | null; now: Date },
): Promise<JobRunRow | null> {
  const [row] = await db.query<JobRunRow>(
    `UPDATE job_runs SET outcome = :outcome, rows = :rows, error = :error, finished_at = :now, heartbeat_at = :now
     WHERE id = :id AND outcome = 'running' RETURNING ${COLUMNS}`,
    { replacements: { id, ...end }, type: QueryTypes.SELECT },
  );
  return row ?? null;
}

/** The latest period each job finished on schedule. */
export async function getLastScheduledPeriods(db: Sequelize): Promise<Map<string, string>> {
  const rows = await db.query<{ job: string; period: string }>(
    `SELECT job, max(period) AS period FROM job_runs WHERE outcome = 'ok' AND trigger = 'schedule' GROUP BY job`,
    { type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [r.job, r.period]));
}

/** The latest attempt of each job. */
export async function getLatestRuns(db: Sequelize): Promise<Map<string, JobRunRow>> {
  const rows = await db.query<JobRunRow>(`SELECT DISTINCT ON (job) ${COLUMNS} FROM job_runs ORDER BY job, id DESC`, { type: QueryTypes.SELECT });
  return new Map(rows.map((r) => [r.job, r]));
}

/** Attempts newest first, of one job or all. */
export async function listRuns(db: Sequelize, job: string | null, limit: number): Promise<JobRunRow[]> {
  return db.query<JobRunRow>(
    `SELECT ${COLUMNS} FROM job_runs WHERE (CAST(:job AS text) IS NULL OR job = :job) ORDER BY id DESC LIMIT :limit`,
    { replacements: { job, limit }, type: QueryTypes.SELECT },
  );
}

/** Runs of frequent jobs pile up (one per slot): attempts older than `before` go. */
export async function pruneRuns(db: Sequelize, job: string, before: Date): Promise<number> {
  const rows = await db.query<{ id: number }>(`DELETE FROM job_runs WHERE job = :job AND started_at < :before AND outcome <> 'running' RETURNING id`, {
    replacements: { job, before },
    type: QueryTypes.SELECT,
  });
  return rows.length;
}
