import type { JobRunView } from "@contract/jobs.ts";
import { formatStamp } from "@kit/wita.ts";
import { locale, t } from "../i18n/i18n.ts";
import { Table } from "../ui/Table.tsx";
import { runSeconds } from "./job-progress.ts";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { OutcomeTag } from "./OutcomeTag.tsx";
import { RunProgress } from "./RunProgress.tsx";

const COLUMNS = ["jobs.col.job", "jobs.col.period", "jobs.col.trigger", "jobs.col.started", "jobs.col.finished", "jobs.col.duration", "jobs.col.rows", "jobs.col.outcome"] as const;
const COLUMN_COUNT = COLUMNS.length;

function duration(run: JobRunView): string {
  const s = runSeconds(run);
  if (s === null) return t("common.none");
  return s < 60 ? tx("jobs.seconds", { n: s }) : tx("jobs.minutes", { m: Math.floor(s / 60), s: s % 60 });
}

/** The runs, newest first, of every job or one; a failed run's reason on its own line beneath it. */
export function RunsTable() {
  const { jobs } = models;
  const runs = jobs.runs.value;
  return (
    <section class="job-runs" aria-labelledby="job-runs-title">
      <div class="page-head">
        <h2 id="job-runs-title">{tx("jobs.runs.title")}</h2>
        <label class="filters">
          {tx("jobs.runs.filter")}{" "}
          <select data-testid="job-runs-filter" value={jobs.runsFilter.value ?? ""} onChange={(e) => void jobs.setRunsFilter(e.currentTarget.value || null)}>
            <option value="">{t("common.all")}</option>
            {jobs.jobs.value.map((j) => (
              <option key={j.name} value={j.name}>
                {j.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!runs.length && !jobs.loading.value ? <p class="muted">{tx("jobs.runs.empty")}</p> : null}
      {runs.length ? (
        <Table columns={COLUMNS.map((c) => tx(c))} testId="job-runs">
          {runs.map((run) => (
            <RunRows key={run.id} run={run} />
          ))}
        </Table>
      ) : null}
      <div class="pager">
        <span class="muted">{tx("jobs.runs.shown", { n: runs.length })}</span>
        {jobs.hasMoreRuns.value ? (
          <button type="button" class="button-quiet" data-testid="job-runs-more" disabled={jobs.loading.value} onClick={() => void jobs.moreRuns()}>
            {tx("jobs.runs.more")}
          </button>
        ) : null}
      </div>
    </section>
  );
}

function RunRows({ run }: { run: JobRunView }) {
  return (
    <>
      <tr data-testid="job-run-row" data-run-id={run.id} data-job={run.job} data-period={run.period} data-outcome={run.outcome} class={run.outcome === "failed" ? "job-run-failed" : undefined}>
        <td>
          <code>{run.job}</code>
        </td>
        <td>
          <code>{run.period}</code>
        </td>
        <td>{tx(`jobs.trigger.${run.trigger}`)}</td>
        <td class="nowrap">{formatStamp(run.startedAt, locale.value, undefined, true)}</td>
        <td class="nowrap">{formatStamp(run.finishedAt, locale.value)}</td>
        <td class="nowrap">{duration(run)}</td>
        <td>{run.rows ?? t("common.none")}</td>
        <td>{run.outcome === "running" ? <RunProgress run={run} /> : <OutcomeTag outcome={run.outcome} />}</td>
      </tr>
      {run.outcome === "failed" && run.error ? (
        <tr class="job-run-error" data-testid="job-run-error">
          <td colSpan={COLUMN_COUNT}>
            <strong>{tx("jobs.error")}:</strong> <span class="job-error-text">{run.error}</span>
          </td>
        </tr>
      ) : null}
    </>
  );
}
