import "./jobs.css";
import { useEffect } from "preact/hooks";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { t } from "../i18n/i18n.ts";
import { JobsTable } from "./JobsTable.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { RunsTable } from "./RunsTable.tsx";

const CONNECTION_TEXT = { idle: "jobs.live.connecting", connecting: "jobs.live.connecting", live: "jobs.live.live", offline: "jobs.live.offline" } as const;

/**
 * Scheduled jobs (admins): each job's schedule and latest run, a run by hand with its progress live
 * (over the socket, or by asking every few seconds while it is down), and the history of runs.
 */
export function JobsPage() {
  const { jobs } = models;
  const { notice, run } = useNotice();
  useEffect(() => {
    void jobs.start();
    return () => jobs.stop();
  }, [jobs]);
  const connection = jobs.connection.value;

  return (
    <div class="page jobs-page">
      <div class="page-head">
        <h1>{tx("jobs.title")}</h1>
        <span class={`job-live job-live--${connection}`} data-testid="jobs-connection" data-state={connection} role="status">
          {tx(CONNECTION_TEXT[connection])}
        </span>
      </div>
      <p class="muted">{tx("jobs.intro")}</p>
      <PageNotices notice={notice.value} testId="jobs-notice" loadError={jobs.error.value} />
      {jobs.loading.value && !jobs.jobs.value.length ? <p class="muted">{t("common.loading")}</p> : null}
      {jobs.jobs.value.length ? <JobsTable jobs={jobs.jobs.value} run={run} /> : null}
      <RunsTable />
    </div>
  );
}
