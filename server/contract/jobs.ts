import { z } from "zod";

/**
 * Scheduled jobs (rollups, the duty check) as the admin page and the command line see them. Periods are
 * keys of the job's own cadence: a day `2026-11-27`, an ISO week `2026-W48`, a month `2026-11`, a quarter
 * `2026-Q4`, or for jobs that run every few minutes the WITA slot they ran in, `2026-11-27T14:30`.
 */

export const JobOutcome = z.enum(["running", "ok", "failed"]);
export type JobOutcome = z.infer<typeof JobOutcome>;
/** Who started a run: the scheduler (on time or catching up), an admin in the dashboard, the command line. */
export const JobTrigger = z.enum(["schedule", "manual", "cli"]);
export type JobTrigger = z.infer<typeof JobTrigger>;

/** A job name: lowercase words joined by dashes (`rollup-daily`). */
export const JobName = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "a job name such as rollup-daily");

export const JobRunView = z.strictObject({
  id: z.number().int(),
  job: z.string(),
  period: z.string(),
  trigger: JobTrigger,
  outcome: JobOutcome,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Rows the run wrote (rollup rows, duties judged); null while running. */
  rows: z.number().int().nullable(),
  /** Steps done out of `total` (null until the run knows how many). */
  progress: z.strictObject({ done: z.number().int(), total: z.number().int().nullable() }),
  /** Why a failed run failed, as logged (never a stack). */
  error: z.string().nullable(),
});
export type JobRunView = z.infer<typeof JobRunView>;

export const JobView = z.strictObject({
  name: z.string(),
  /** One line: what the job does. */
  description: z.string(),
  /** The cron expression, in WITA. */
  schedule: z.string(),
  /** When the schedule next fires. */
  nextRunAt: z.string(),
  /** The latest period done on schedule; a run from the dashboard or the command line does not count. */
  lastDonePeriod: z.string().nullable(),
  lastRun: JobRunView.nullable(),
});
export type JobView = z.infer<typeof JobView>;

export const JobRunsQuery = z.object({
  job: JobName.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const JobNameParams = z.object({ name: JobName });

/** A run asked for by an admin: the period (a key or a day inside it), or the latest one due. */
export const RunJobInput = z.strictObject({
  period: z.string().max(20).optional(),
});

/** What `POST /api/jobs/:name/run` answers at once: the run to follow in the list or over `job:progress`. */
export const JobRunStarted = z.strictObject({ runId: z.number().int(), job: z.string(), period: z.string() });
export type JobRunStarted = z.infer<typeof JobRunStarted>;
