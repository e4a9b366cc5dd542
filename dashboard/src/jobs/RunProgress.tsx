import type { JobRunView } from "@contract/jobs.ts";
import { progressPercent } from "./job-progress.ts";
import { tx } from "./messages.ts";
import { OutcomeTag } from "./OutcomeTag.tsx";

/**
 * A run's progress bar with its steps ("4/4 langkah") and, once it ended, its outcome. Without a count
 * of steps yet, the bar is indeterminate (a native <progress> without a value) rather than at 0 %.
 */
export function RunProgress({ run }: { run: JobRunView }) {
  const percent = progressPercent(run);
  const { done, total } = run.progress;
  return (
    <div class="job-progress" data-testid="job-progress" data-run-id={run.id} data-done={done} data-total={total ?? ""} data-outcome={run.outcome}>
      <progress max={100} value={percent ?? undefined} aria-label={tx("jobs.progress", { job: run.job })} />
      <span class="job-progress-steps">{total ? tx("jobs.progress.steps", { done, total }) : tx("jobs.progress.starting")}</span>
      {run.outcome === "running" ? null : <OutcomeTag outcome={run.outcome} />}
    </div>
  );
}
