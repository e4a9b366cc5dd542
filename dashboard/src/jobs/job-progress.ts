import type { JobRunView, JobView } from "@contract/jobs.ts";

/**
 * How far a run is, 0–100, for the progress bar; null while the run does not yet know how many steps
 * it has (the bar then shows that it works without claiming a share). A finished run is complete
 * whatever its last progress report said: a run may end between two throttled reports.
 */
export function progressPercent(run: Pick<JobRunView, "outcome" | "progress">): number | null {
  if (run.outcome !== "running") return 100;
  const { done, total } = run.progress;
  if (total === null || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/**
 * A run as news of it arrives (a socket event, a poll) merged into what is known: a run already seen
 * ended is never taken back to `running` by a progress report that arrived late, and progress never
 * moves backwards.
 */
export function newerRun(known: JobRunView | undefined, incoming: JobRunView): JobRunView {
  if (!known || known.id !== incoming.id) return incoming;
  if (known.outcome !== "running" && incoming.outcome === "running") return known;
  if (incoming.outcome === "running" && incoming.progress.done < known.progress.done) return known;
  return incoming;
}

/** The runs list (newest first) with this run put in its place: replaced, or added in id order. */
export function mergeRun(list: readonly JobRunView[], run: JobRunView, filter: string | null): JobRunView[] {
  if (filter && run.job !== filter) return [...list];
  const at = list.findIndex((r) => r.id === run.id);
  if (at >= 0) return list.map((r, i) => (i === at ? newerRun(r, run) : r));
  return [...list, run].sort((a, b) => b.id - a.id);
}

/** The job list with a run taken as its job's latest, unless the job already knows a later one. */
export function withLatestRun(jobs: readonly JobView[], run: JobRunView): JobView[] {
  return jobs.map((job) => {
    if (job.name !== run.job) return job;
    const last = job.lastRun;
    if (last && last.id > run.id) return job;
    return { ...job, lastRun: newerRun(last ?? undefined, run) };
  });
}

/** How long a run took, in whole seconds; null while it runs. */
export function runSeconds(run: Pick<JobRunView, "startedAt" | "finishedAt">): number | null {
  if (!run.finishedAt) return null;
  return Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
}
