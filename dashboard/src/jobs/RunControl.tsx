import { useSignal } from "@preact/signals";
import type { JobView } from "@contract/jobs.ts";
import { fieldErrors, t } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { daysInPeriod, EXAMPLE_PERIOD, isLongRun, isPeriodOf, latestEndedPeriod, periodKindOfJob } from "./job-period.ts";
import { jobDescription, tx } from "./messages.ts";
import { models } from "./models.ts";
import { PeriodInput } from "./PeriodInput.tsx";

/**
 * "Jalankan" for one job: the period input of its kind (starting at the period just ended), then the
 * run. A run of a week or more of days asks first, since it can take minutes and holds the job's lease
 * meanwhile (the scheduler waits for it). Refused while the job runs already: the server would say 409.
 */
export function RunControl({ job, run }: { job: JobView; run: RunAction }) {
  const kind = periodKindOfJob(job);
  const period = useSignal(kind === "slot" ? "" : latestEndedPeriod(kind, Date.now()));
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const localError = useSignal<string | null>(null);
  const serverError = useSignal<unknown>(null);
  const inputId = `job-period-${job.name}`;
  const isRunning = job.lastRun?.outcome === "running";

  async function start() {
    busy.value = true;
    serverError.value = null;
    const key = kind === "slot" ? undefined : period.value;
    await run(async () => {
      try {
        await models.jobs.runJob(job.name, key);
      } catch (err) {
        serverError.value = err;
        throw err;
      }
    }, tx("jobs.started", { job: job.name, period: key ?? "" }));
    busy.value = false;
    confirming.value = false;
  }

  function submit(e: Event) {
    e.preventDefault();
    localError.value = null;
    if (kind !== "slot" && !isPeriodOf(kind, period.value)) {
      localError.value = tx("jobs.period.invalid", { example: EXAMPLE_PERIOD[kind] });
      return;
    }
    if (isLongRun(kind) && !confirming.value) {
      confirming.value = true;
      return;
    }
    void start();
  }

  const error = localError.value ?? fieldErrors(serverError.value).period;
  return (
    <form class="job-run" onSubmit={submit} noValidate data-testid="job-run-form">
      {kind === "slot" ? (
        <small class="muted">{tx("jobs.period.slotHint")}</small>
      ) : (
        <div class={error ? "field field--invalid" : "field"}>
          <label for={inputId}>{tx(`jobs.period.${kind}`)}</label>
          <PeriodInput
            kind={kind}
            id={inputId}
            value={period.value}
            error={error}
            onChange={(v) => {
              period.value = v;
              confirming.value = false;
              localError.value = null;
            }}
          />
          {error ? (
            <p class="field-error" id={`${inputId}-error`} data-field-error="period" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      )}
      {confirming.value && kind !== "slot" ? (
        <div class="job-confirm" role="alertdialog" aria-label={jobDescription(job.name, job.description)} data-testid="job-confirm">
          <p>{tx("jobs.confirm", { job: job.name, period: period.value, days: daysInPeriod(kind, period.value) })}</p>
          <div class="form-actions">
            <button type="submit" class="button" data-testid="job-confirm-yes" disabled={busy.value || isRunning}>
              {tx("jobs.confirm.yes")}
            </button>
            <button type="button" class="button-quiet" data-testid="job-confirm-cancel" onClick={() => (confirming.value = false)}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" class="button" data-testid="job-run" disabled={busy.value || isRunning}>
          {kind === "slot" ? tx("jobs.runLatest") : tx("jobs.run")}
        </button>
      )}
    </form>
  );
}
