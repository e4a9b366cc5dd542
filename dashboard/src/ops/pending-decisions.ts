import { createModel, signal } from "@preact/signals";
import type { ChangeStatusInput } from "@contract/reports.ts";

/** How long a verification waits for an undo before it is sent. */
export const UNDO_MS = 10_000;

export interface PendingDecision {
  reportId: string;
  number: string;
  input: ChangeStatusInput;
  /** When it will be sent (epoch ms). */
  due: number;
}

export interface PendingDeps {
  send(reportId: string, input: ChangeStatusInput): Promise<void>;
  /** A send that failed (a stale version, a claim): shown beside the report. */
  failed(reportId: string, err: unknown): void;
  now?: () => number;
  delayMs?: number;
}

/**
 * Verifications held for ten seconds so a slip of the finger can be undone: nothing reaches the server
 * until the time is up (the server has no undo of its own, and a decision once sent reaches the officer's
 * phone at once). Leaving the page sends what is pending (`flush`); closing the tab sends it with a
 * keepalive request (`flushOnUnload`), so nothing the verifier saw counting down is silently lost.
 */
export const PendingDecisions = createModel((deps: PendingDeps) => {
  const now = deps.now ?? Date.now;
  const delay = deps.delayMs ?? UNDO_MS;
  const pending = signal<PendingDecision[]>([]);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const take = (reportId: string): PendingDecision | undefined => {
    const item = pending.value.find((p) => p.reportId === reportId);
    if (!item) return undefined;
    clearTimeout(timers.get(reportId));
    timers.delete(reportId);
    pending.value = pending.value.filter((p) => p !== item);
    return item;
  };

  const sendNow = async (item: PendingDecision) => {
    try {
      await deps.send(item.reportId, item.input);
    } catch (err) {
      deps.failed(item.reportId, err);
    }
  };

  /** Hold a decision; a second one for the same report replaces the first. */
  function schedule(reportId: string, number: string, input: ChangeStatusInput) {
    take(reportId);
    const item: PendingDecision = { reportId, number, input, due: now() + delay };
    pending.value = [...pending.value, item];
    timers.set(
      reportId,
      setTimeout(() => {
        const due = take(reportId);
        if (due) void sendNow(due);
      }, delay),
    );
  }

  /** Undo: the decision is dropped, nothing was sent. */
  const undo = (reportId: string) => Boolean(take(reportId));

  /** Send everything pending now (leaving the page). */
  async function flush() {
    const items = [...pending.value];
    for (const item of items) take(item.reportId);
    await Promise.all(items.map(sendNow));
  }

  /**
   * The tab is closing: the page's own requests die with it, so each decision goes as a keepalive fetch
   * the browser finishes on its own.
   */
  function flushOnUnload(fetcher: typeof fetch = fetch) {
    const items = [...pending.value];
    for (const item of items) {
      take(item.reportId);
      void fetcher(`/api/reports/${encodeURIComponent(item.reportId)}/status`, {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(item.input),
      }).catch(() => undefined);
    }
  }

  return { pending, schedule, undo, flush, flushOnUnload };
});
