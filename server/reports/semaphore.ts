/**
 * At most `limit` tasks at once; the rest wait their turn in arrival order. A slot is handed straight to
 * the next waiter on release, so a burst of arrivals cannot overtake a task that has been waiting.
 */
export function createSemaphore(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`semaphore limit must be a positive integer, not ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];

  const acquire = () =>
    new Promise<void>((resolve) => {
      if (running < limit) {
        running++;
        resolve();
      } else waiting.push(resolve);
    });

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

export type Semaphore = ReturnType<typeof createSemaphore>;
