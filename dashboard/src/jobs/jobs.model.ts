import { computed, createModel, signal } from "@preact/signals";
import type { JobRunStarted, JobRunView, JobView } from "@contract/jobs.ts";
import type { Http } from "@kit/http.ts";
import type { ConnectJobSocket } from "./job-socket.ts";
import { mergeRun, newerRun, withLatestRun } from "./job-progress.ts";

export type JobsConnection = "idle" | "connecting" | "live" | "offline";

/** The runs list grows by this many at a time, up to what the server gives in one answer. */
export const RUNS_STEP = 50;
export const RUNS_MAX = 500;
/** Without the socket, a running job is followed by asking this often. */
export const POLL_MS = 2_000;

export interface PollTimer {
  every(ms: number, fn: () => void): () => void;
}
const realTimer: PollTimer = {
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

/**
 * The scheduled jobs and their runs (admins). Runs go live over `job:progress` while the socket is up;
 * while it is not and something is running, the lists are read again every couple of seconds, so the
 * progress bar moves either way. News of a run is merged, never taken backwards (job-progress.ts).
 */
export const JobsModel = createModel((http: Http, connect: ConnectJobSocket, timer: PollTimer = realTimer) => {
  const jobs = signal<JobView[]>([]);
  const runs = signal<JobRunView[]>([]);
  /** Runs of this job only (null: every job). */
  const runsFilter = signal<string | null>(null);
  const runsLimit = signal(RUNS_STEP);
  const loading = signal(false);
  const error = signal<unknown>(null);
  const connection = signal<JobsConnection>("idle");
  /** Runs this page saw running or started: their bar stays, full, with the outcome once they end. */
  const watched = signal<ReadonlySet<number>>(new Set());
  const watch = (id: number) => {
    if (!watched.value.has(id)) watched.value = new Set(watched.value).add(id);
  };
  const running = computed(() => jobs.value.some((j) => j.lastRun?.outcome === "running") || runs.value.some((r) => r.outcome === "running"));
  /** The server gave as many as asked: there may be older runs. */
  const hasMoreRuns = computed(() => runs.value.length >= runsLimit.value && runsLimit.value < RUNS_MAX);

  let runsRequest = 0;
  let disconnect: (() => void) | null = null;
  let stopPolling: (() => void) | null = null;

  async function loadJobs() {
    const { data } = await http.call("GET /api/jobs", {});
    const known = new Map(jobs.value.map((j) => [j.name, j.lastRun]));
    for (const job of data) if (job.lastRun?.outcome === "running") watch(job.lastRun.id);
    jobs.value = data.map((job) => {
      const mine = known.get(job.name);
      return job.lastRun && mine && mine.id === job.lastRun.id ? { ...job, lastRun: newerRun(mine, job.lastRun) } : job;
    });
  }

  async function loadRuns() {
    const mine = ++runsRequest;
    const { data } = await http.call("GET /api/jobs/runs", { query: { job: runsFilter.value ?? undefined, limit: runsLimit.value } });
    if (mine !== runsRequest) return;
    const known = new Map(runs.value.map((r) => [r.id, r]));
    runs.value = data.map((r) => newerRun(known.get(r.id), r));
  }

  /** Both lists again; a failure is kept for the page's banner. */
  async function refresh() {
    loading.value = true;
    try {
      await Promise.all([loadJobs(), loadRuns()]);
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** A run's news, from the socket or anyone else who learned it. */
  function apply(run: JobRunView) {
    if (run.outcome === "running") watch(run.id);
    runs.value = mergeRun(runs.value, run, runsFilter.value);
    jobs.value = withLatestRun(jobs.value, run);
  }

  /** Start a run (the period key, or none: the latest due); the lists are read again so it shows at once. */
  async function runJob(name: string, period?: string): Promise<JobRunStarted> {
    const { data } = await http.call("POST /api/jobs/:name/run", { params: { name }, body: period ? { period } : {} });
    watch(data.runId);
    await refresh();
    return data;
  }

  function setRunsFilter(job: string | null) {
    runsFilter.value = job;
    runsLimit.value = RUNS_STEP;
    runs.value = [];
    return refresh();
  }

  function moreRuns() {
    runsLimit.value = Math.min(RUNS_MAX, runsLimit.value + RUNS_STEP);
    return refresh();
  }

  function start() {
    if (disconnect) return refresh();
    connection.value = "connecting";
    disconnect = connect({
      // What happened while away was not sent again: read it.
      connected: () => {
        connection.value = "live";
        void refresh();
      },
      disconnected: () => {
        if (disconnect) connection.value = "offline";
      },
      progress: apply,
    });
    stopPolling = timer.every(POLL_MS, () => {
      if (connection.value !== "live" && running.value && !loading.value) void refresh();
    });
    return refresh();
  }

  function stop() {
    const close = disconnect;
    disconnect = null;
    close?.();
    stopPolling?.();
    stopPolling = null;
    connection.value = "idle";
  }

  return { jobs, runs, watched, runsFilter, runsLimit, hasMoreRuns, loading, error, connection, running, start, stop, refresh, apply, runJob, setRunsFilter, moreRuns };
});

export type Jobs = InstanceType<typeof JobsModel>;
