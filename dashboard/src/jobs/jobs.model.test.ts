import { describe, expect, it } from "vitest";
import type { JobRunView, JobView } from "@contract/jobs.ts";
import { createHttp } from "@kit/http.ts";
import type { JobSocketHandlers } from "./job-socket.ts";
import { JobsModel, type PollTimer } from "./jobs.model.ts";

const run = (id: number, patch: Partial<JobRunView> = {}): JobRunView => ({
  id,
  job: "rollup-daily",
  period: "2026-11-20",
  trigger: "manual",
  outcome: "running",
  startedAt: "2026-11-27T01:00:00.000Z",
  finishedAt: null,
  rows: null,
  progress: { done: 0, total: null },
  error: null,
  ...patch,
});

const jobView = (lastRun: JobRunView | null): JobView => ({
  name: "rollup-daily",
  description: "Rollup of the day just ended",
  schedule: "5 0 * * *",
  nextRunAt: "2026-11-27T16:05:00.000Z",
  lastDonePeriod: "2026-11-26",
  lastRun,
});

/** The jobs API behind plain fetch: `state` is what the server would answer now. */
function fakeServer(state: { runs: JobRunView[] }) {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input), "http://x");
    requests.push(`${init?.method ?? "GET"} ${url.pathname}${url.search}`);
    if (url.pathname === "/api/jobs") return Response.json({ data: [jobView(state.runs[0] ?? null)] });
    if (url.pathname === "/api/jobs/runs") return Response.json({ data: state.runs, page: { total: null, next: null } });
    if (url.pathname === "/api/jobs/rollup-daily/run") {
      const started = run(state.runs.length + 1, { period: JSON.parse(String(init?.body)).period });
      state.runs = [started, ...state.runs];
      return Response.json({ data: { runId: started.id, job: started.job, period: started.period } }, { status: 202 });
    }
    return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
  };
  return { http: createHttp({ fetch }), requests };
}

function fakeSocket() {
  let handlers: JobSocketHandlers | null = null;
  return {
    connect: (h: JobSocketHandlers) => {
      handlers = h;
      return () => undefined;
    },
    get handlers() {
      if (!handlers) throw new Error("not connected");
      return handlers;
    },
  };
}

function manualTimer() {
  let tick: (() => void) | null = null;
  const timer: PollTimer = {
    every(_ms, fn) {
      tick = fn;
      return () => (tick = null);
    },
  };
  return { timer, tick: () => tick?.() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("jobs model", () => {
  it("follows a run it started over the socket: progress on the job and in the list, then the outcome", async () => {
    const state = { runs: [run(1, { outcome: "ok", period: "2026-11-26" })] };
    const { http } = fakeServer(state);
    const socket = fakeSocket();
    const { timer } = manualTimer();
    const jobs = new JobsModel(http, socket.connect, timer);
    await jobs.start();
    socket.handlers.connected();
    await settle();

    const started = await jobs.runJob("rollup-daily", "2026-11-20");
    expect(started).toEqual({ runId: 2, job: "rollup-daily", period: "2026-11-20" });
    expect(jobs.watched.value.has(2)).toBe(true);
    expect(jobs.jobs.value[0]!.lastRun!.id).toBe(2);

    socket.handlers.progress(run(2, { progress: { done: 2, total: 4 } }));
    expect(jobs.jobs.value[0]!.lastRun!.progress).toEqual({ done: 2, total: 4 });
    expect(jobs.runs.value.find((r) => r.id === 2)!.progress.done).toBe(2);

    socket.handlers.progress(run(2, { outcome: "ok", rows: 40, finishedAt: "2026-11-27T01:00:03.000Z", progress: { done: 4, total: 4 } }));
    // A progress report that arrives after the end changes nothing.
    socket.handlers.progress(run(2, { progress: { done: 3, total: 4 } }));
    expect(jobs.jobs.value[0]!.lastRun).toMatchObject({ id: 2, outcome: "ok", rows: 40 });
    expect(jobs.runs.value.map((r) => [r.id, r.outcome])).toEqual([
      [2, "ok"],
      [1, "ok"],
    ]);
    expect(jobs.running.value).toBe(false);
    jobs.stop();
  });

  it("asks again every few seconds while a run goes on and the socket is down, and stops once it ended", async () => {
    const state = { runs: [run(1, { progress: { done: 1, total: 4 } })] };
    const { http, requests } = fakeServer(state);
    const socket = fakeSocket();
    const poll = manualTimer();
    const jobs = new JobsModel(http, socket.connect, poll.timer);
    await jobs.start();
    socket.handlers.disconnected();
    expect(jobs.connection.value).toBe("offline");
    expect(jobs.running.value).toBe(true);

    state.runs = [run(1, { progress: { done: 3, total: 4 } })];
    requests.length = 0;
    poll.tick();
    await settle();
    await settle();
    expect(requests.filter((r) => r.startsWith("GET /api/jobs/runs")).length).toBe(1);
    expect(jobs.jobs.value[0]!.lastRun!.progress.done).toBe(3);

    state.runs = [run(1, { outcome: "failed", error: "disk full", finishedAt: "2026-11-27T01:00:09.000Z", progress: { done: 3, total: 4 } })];
    poll.tick();
    await settle();
    await settle();
    expect(jobs.runs.value[0]).toMatchObject({ outcome: "failed", error: "disk full" });

    requests.length = 0;
    poll.tick();
    await settle();
    expect(requests).toEqual([]);
    jobs.stop();
  });

  it("does not poll while the socket is live", async () => {
    const state = { runs: [run(1, { progress: { done: 1, total: 4 } })] };
    const { http, requests } = fakeServer(state);
    const socket = fakeSocket();
    const poll = manualTimer();
    const jobs = new JobsModel(http, socket.connect, poll.timer);
    await jobs.start();
    socket.handlers.connected();
    await settle();
    await settle();
    requests.length = 0;
    poll.tick();
    await settle();
    expect(requests).toEqual([]);
    jobs.stop();
  });
});
