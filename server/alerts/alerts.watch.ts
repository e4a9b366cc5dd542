import type { Logger } from "pino";

export interface AlertWatchDeps {
  /** One pass of the rules (the service's `evaluate`). */
  evaluate(): Promise<unknown>;
  /** The change log's last seq: it moves whenever a report is made or changed. */
  lastSeq(): Promise<number>;
  log: Logger;
  /** How often to look at the change log. */
  pollMs?: number;
  /** A pass at least this often even when nothing changed: silence and closing depend on time alone. */
  fullEveryMs?: number;
}

/**
 * Runs the rules after every report change (seen as the change log moving, on any node) and every few
 * minutes regardless. One pass at a time; changes during a pass are caught by the next look.
 */
export function startAlertWatch({ evaluate, lastSeq, log, pollMs = 1_000, fullEveryMs = 5 * 60_000 }: AlertWatchDeps) {
  let seenSeq = -1;
  let lastPassAt = 0;
  let running: Promise<void> | null = null;

  async function look(): Promise<void> {
    const seq = await lastSeq();
    if (seq === seenSeq && Date.now() - lastPassAt < fullEveryMs) return;
    seenSeq = seq;
    lastPassAt = Date.now();
    await evaluate();
  }

  const tick = () => {
    if (running) return;
    running = look()
      .catch((err: unknown) => log.error({ err }, "alert rules failed"))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();

  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
