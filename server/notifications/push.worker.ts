import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { Clock } from "../core/clock.ts";
import type { PushSend } from "./push-sender.ts";
import { deletePushSubscription } from "./push.repo.ts";
import { claimDuePushes, markPushFailed, markPushSent, retryPushAt, type ClaimedPush } from "./push-queue.repo.ts";

export interface PushWorkerDeps {
  db: Sequelize;
  clock: Clock;
  log: Logger;
  /** The sender with the server's keys (loaded on first use: the keys live in the database). */
  sender: () => Promise<PushSend>;
  /** Attempts before a push is given up. */
  maxAttempts: number;
  /** Pushes taken per pass. */
  batch?: number;
  /** How long a claimed push is invisible to other passes and nodes while it is being sent. */
  leaseMs?: number;
}

/** What one pass did. */
export interface PushPassResult {
  sent: number;
  retried: number;
  failed: number;
  removed: number;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 3600_000;

/** 30 s, 1 min, 2 min, … doubling per attempt, at most 6 h; a Retry-After from the service wins when longer. */
export function backoffMs(attempts: number, retryAfterMs: number | null): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(exponential, Math.min(retryAfterMs ?? 0, BACKOFF_MAX_MS));
}

/**
 * The Web Push queue's worker: `runOnce` sends what is due (tests drive it directly, with a `now` of
 * their choosing); `start` runs it every few seconds on a node that runs jobs. Every outcome is written
 * back: sent; gone (404/410) deletes the browser's subscription; retry (429, 5xx, network) waits with
 * exponential backoff until `maxAttempts`; anything else fails at once. A failure is logged, never thrown.
 */
export function createPushWorker({ db, clock, log, sender, maxAttempts, batch = 50, leaseMs = 120_000 }: PushWorkerDeps) {
  async function settle(push: ClaimedPush, send: PushSend, now: Date, result: PushPassResult): Promise<void> {
    const outcome = await send({ endpoint: push.endpoint, p256dh: push.p256dh, auth: push.auth }, push.payload);
    switch (outcome.outcome) {
      case "sent":
        result.sent++;
        return markPushSent(db, push.id, clock.now());
      case "gone":
        result.removed++;
        log.info({ pushId: push.id, status: outcome.status }, "push subscription gone; removed");
        return deletePushSubscription(db, push.subscription_id);
      case "retry":
        if (push.attempts < maxAttempts) {
          result.retried++;
          return retryPushAt(db, push.id, new Date(now.getTime() + backoffMs(push.attempts, outcome.retryAfterMs)), outcome.error);
        }
        result.failed++;
        log.warn({ pushId: push.id, attempts: push.attempts, error: outcome.error }, "push given up");
        return markPushFailed(db, push.id, `${outcome.error} (gave up after ${push.attempts} attempts)`);
      case "refused":
        result.failed++;
        log.warn({ pushId: push.id, error: outcome.error }, "push refused by the push service");
        return markPushFailed(db, push.id, outcome.error);
    }
  }

  async function runOnce(now: Date = clock.now()): Promise<PushPassResult> {
    const result: PushPassResult = { sent: 0, retried: 0, failed: 0, removed: 0 };
    const due = await claimDuePushes(db, now, batch, leaseMs);
    if (!due.length) return result;
    const send = await sender();
    // Each push on its own: one slow or failing push service does not hold back the others' outcomes.
    await Promise.all(
      due.map((push) => settle(push, send, now, result).catch((err: unknown) => log.error({ err, pushId: push.id }, "push outcome not recorded; retried when its lease ends"))),
    );
    if (result.sent + result.retried + result.failed + result.removed) log.info(result, "push pass");
    return result;
  }

  return {
    runOnce,

    /** Pass after pass, `everyMs` apart (a full batch goes again at once); `stop` waits for the pass under way. */
    start(everyMs = 2_000) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let running: Promise<void> = Promise.resolve();
      const tick = () => {
        running = runOnce()
          .then((r) => r.sent + r.retried + r.failed + r.removed >= batch)
          .catch((err: unknown) => (log.error({ err }, "push pass failed"), false))
          .then((more) => {
            if (!stopped) timer = setTimeout(tick, more ? 0 : everyMs);
            timer?.unref();
          });
      };
      tick();
      return {
        async stop(): Promise<void> {
          stopped = true;
          clearTimeout(timer);
          await running;
        },
      };
    },
  };
}

export type PushWorker = ReturnType<typeof createPushWorker>;
