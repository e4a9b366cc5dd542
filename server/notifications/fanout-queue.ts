import type { Logger } from "pino";

/**
 * Notification fan-out runs after the commit it follows, off the request: one task at a time (so a burst
 * of intake uses one database connection for notifications, not one per group), each failure logged and
 * swallowed — a notification that could not be written never fails or slows the decision or report it is
 * about. `idle` resolves when everything queued so far is done (tests, shutdown).
 */
export function createFanoutQueue(log: Logger) {
  let tail: Promise<void> = Promise.resolve();

  function run(what: string, task: () => Promise<unknown>): void {
    tail = tail.then(task).then(
      () => undefined,
      (err: unknown) => log.error({ err, what }, "notification fan-out failed"),
    );
  }

  /**
   * Items that arrive while a task of theirs is queued join it: under heavy intake one statement covers
   * many groups. Past `max` waiting items the newest are dropped with a warning rather than held in memory
   * without bound (the reports themselves are safe; only their notices are lost).
   */
  function batching<T>(what: string, handle: (items: T[]) => Promise<unknown>, max = 10_000) {
    let waiting: T[] = [];
    let scheduled = false;
    return (items: T[]): void => {
      if (!items.length) return;
      const room = max - waiting.length;
      if (room < items.length) log.warn({ what, dropped: items.length - Math.max(room, 0) }, "notification fan-out behind; notices dropped");
      waiting.push(...items.slice(0, Math.max(room, 0)));
      if (scheduled) return;
      scheduled = true;
      run(what, () => {
        const batch = waiting;
        waiting = [];
        scheduled = false;
        return handle(batch);
      });
    };
  }

  return { run, batching, idle: (): Promise<void> => tail };
}
