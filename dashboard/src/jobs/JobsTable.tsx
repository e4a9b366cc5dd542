import type { JobView } from "@contract/jobs.ts";
import { formatStamp } from "@kit/wita.ts";
import { lang, locale } from "../i18n/i18n.ts";
import { Table } from "../ui/Table.tsx";
import type { RunAction } from "../ui/notice.tsx";
import { jobDescription, tx } from "./messages.ts";
import { models } from "./models.ts";
import { OutcomeTag } from "./OutcomeTag.tsx";
import { RunControl } from "./RunControl.tsx";
import { RunProgress } from "./RunProgress.tsx";
import { scheduleInWords } from "./schedule-words.ts";

/** Every job: what it does, when it runs (in words, WITA), its latest run, and "Jalankan". */
export function JobsTable({ jobs, run }: { jobs: readonly JobView[]; run: RunAction }) {
  return (
    <Table columns={[tx("jobs.col.job"), tx("jobs.col.schedule"), tx("jobs.col.last"), tx("jobs.col.run")]} testId="jobs-table">
      {jobs.map((job) => (
        <JobRow key={job.name} job={job} run={run} />
      ))}
    </Table>
  );
}

function JobRow({ job, run }: { job: JobView; run: RunAction }) {
  const last = job.lastRun;
  const showBar = last && (last.outcome === "running" || models.jobs.watched.value.has(last.id));
  return (
    <tr data-testid="job-row" data-job={job.name}>
      <td>
        <strong>
          <code>{job.name}</code>
        </strong>
        <div class="muted job-desc">{jobDescription(job.name, job.description)}</div>
      </td>
      <td>
        <div data-testid="job-schedule">{scheduleInWords(job.schedule, lang.value)}</div>
        <small class="muted">
          <code>{job.schedule}</code> · {tx("jobs.nextRun", { when: formatStamp(job.nextRunAt, locale.value) })}
        </small>
      </td>
      <td class="job-last">
        {last ? (
          <>
            <div>
              <code>{last.period}</code> {showBar ? null : <OutcomeTag outcome={last.outcome} />}
            </div>
            <small class="muted">
              {formatStamp(last.startedAt, locale.value)} · {tx(`jobs.trigger.${last.trigger}`)}
              {last.rows !== null ? ` · ${tx("jobs.rows", { rows: last.rows })}` : ""}
            </small>
            {showBar ? <RunProgress run={last} /> : null}
            {last.outcome === "failed" && last.error ? <p class="job-error-line">{last.error}</p> : null}
          </>
        ) : (
          <span class="muted">{tx("jobs.never")}</span>
        )}
        {job.lastDonePeriod ? <small class="muted job-done">{tx("jobs.lastDone", { period: job.lastDonePeriod })}</small> : null}
      </td>
      <td>
        <RunControl job={job} run={run} />
      </td>
    </tr>
  );
}
