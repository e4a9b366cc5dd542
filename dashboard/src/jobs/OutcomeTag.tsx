import type { JobOutcome } from "@contract/jobs.ts";
import { tx } from "./messages.ts";

/** A run's outcome as a coloured word: berjalan / berhasil / gagal. */
export function OutcomeTag({ outcome }: { outcome: JobOutcome }) {
  return (
    <span class={`job-outcome job-outcome--${outcome}`} data-testid="job-outcome" data-outcome={outcome}>
      {tx(`jobs.outcome.${outcome}`)}
    </span>
  );
}
