import type { JobRunView } from "@contract/jobs.ts";
import type { JobRunRow } from "./jobs.repo.ts";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A run as admins see it. */
export function presentRun(r: JobRunRow): JobRunView {
  return {
    id: Number(r.id),
    job: r.job,
    period: r.period,
    trigger: r.trigger,
    outcome: r.outcome,
    startedAt: iso(r.started_at)!,
    finishedAt: iso(r.finished_at),
    rows: r.rows,
    progress: { done: r.progress_done, total: r.progress_total },
    error: r.error,
  };
}
