import { performance } from "node:perf_hooks";
import { round3, summarizeLatencies, type LatencySummary } from "./stats.ts";

export interface LoadOptions<T> {
  items: readonly T[];
  /** Requests in flight at once. */
  concurrency: number;
  /** Stop taking new items after this long, so a slow system cannot stretch the run without bound. */
  deadlineMs: number;
  /** Does one item and names its outcome ("200", "404", "error:500"…); a throw is tallied as "throw". */
  task: (item: T, index: number) => Promise<string>;
}

export interface LoadResult {
  completed: number;
  elapsedMs: number;
  /** Completed items per second. */
  rate: number;
  latencyMs: LatencySummary;
  outcomes: Record<string, number>;
  /** Latency per outcome: a cheap 404 and a costly 200 averaged together would hide both. */
  latencyByOutcomeMs: Record<string, LatencySummary>;
  /** True when the deadline cut the run short. */
  stoppedEarly: boolean;
  /** A few thrown messages, to tell what went wrong without flooding the output. */
  errorSamples: string[];
}

/** Drive `task` over `items` with a fixed number of workers, timing each call. */
export async function runLoad<T>(opts: LoadOptions<T>): Promise<LoadResult> {
  const latencies = new Float64Array(opts.items.length);
  const outcomes: Record<string, number> = {};
  const outcomeOf: string[] = [];
  const errorSamples: string[] = [];
  let next = 0;
  let completed = 0;
  let stoppedEarly = false;
  const started = performance.now();
  const deadline = started + opts.deadlineMs;

  const worker = async () => {
    while (next < opts.items.length) {
      if (performance.now() > deadline) {
        stoppedEarly = true;
        return;
      }
      const index = next++;
      const t0 = performance.now();
      let outcome: string;
      try {
        outcome = await opts.task(opts.items[index]!, index);
      } catch (err) {
        outcome = "throw";
        if (errorSamples.length < 5) errorSamples.push(err instanceof Error ? err.message : String(err));
      }
      outcomeOf[completed] = outcome;
      latencies[completed++] = performance.now() - t0;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const latencyByOutcomeMs: Record<string, LatencySummary> = {};
  for (const key of Object.keys(outcomes)) {
    latencyByOutcomeMs[key] = summarizeLatencies(latencies.filter((_, i) => i < completed && outcomeOf[i] === key));
  }
  return {
    completed,
    elapsedMs: round3(elapsedMs),
    rate: round3((completed / elapsedMs) * 1000),
    latencyMs: summarizeLatencies(latencies.subarray(0, completed)),
    outcomes,
    latencyByOutcomeMs,
    stoppedEarly,
    errorSamples,
  };
}

/**
 * Open loop: `send(i, scheduledAt, now)` for i = 0 … n − 1, item i due at `start` + i / `rate` seconds
 * (`start` a performance.now() instant) whatever became of the earlier ones. A late tick sends every item
 * then due, so the generator's own stalls show as send lag (now − scheduledAt), not as a lower rate.
 * Resolves once the last has been sent; `maxSleepMs` caps each wait between ticks.
 */
export function sendPaced(
  n: number,
  rate: number,
  start: number,
  send: (i: number, scheduledAt: number, now: number) => void,
  maxSleepMs = 1,
): Promise<void> {
  const interval = 1000 / rate;
  let next = 0;
  return new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < n && start + next * interval <= now) {
        const i = next++;
        send(i, start + i * interval, now);
      }
      if (next < n) setTimeout(tick, Math.max(0, Math.min(maxSleepMs, start + next * interval - performance.now())));
      else resolve();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
}
