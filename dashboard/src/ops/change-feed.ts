import type { ChangeEnvelope } from "@contract/events.ts";

/** One page of `GET /api/changes?after=…`, ascending by seq. */
export interface ChangesPage<T> {
  changes: ChangeEnvelope<T>[];
  lastSeq: number;
  /** The server fills the page and says whether more follow; without it we read until a page is empty. */
  more?: boolean;
}

export interface ChangeFeedDeps<T> {
  fetchAfter(after: number): Promise<ChangesPage<T>>;
  /** Receives each change once, in ascending seq order. */
  apply(change: ChangeEnvelope<T>): void;
}

/**
 * Gap-free live changes, framework-free. The change log (`/api/changes`) is the source of truth and the
 * socket only a fast path: on every (re)connect we read the log from `lastSeq` until it is exhausted,
 * holding back socket events meanwhile, then apply the held events. Anything at or below `lastSeq` has
 * been applied already and is dropped, so nothing is applied twice and nothing in between is skipped.
 *
 * Assumes what the server guarantees: seqs are taken in commit order, and one socket receives events
 * in seq order.
 */
export function createChangeFeed<T>(deps: ChangeFeedDeps<T>, initialSeq = 0) {
  let lastSeq = initialSeq;
  let catchingUp = false;
  let held: ChangeEnvelope<T>[] = [];
  let run = 0;

  function applyInOrder(changes: ChangeEnvelope<T>[]) {
    const sorted = changes.length > 1 ? [...changes].sort((a, b) => a.seq - b.seq) : changes;
    for (const change of sorted) {
      if (change.seq <= lastSeq) continue;
      lastSeq = change.seq;
      deps.apply(change);
    }
  }

  return {
    get lastSeq() {
      return lastSeq;
    },
    get catchingUp() {
      return catchingUp;
    },

    /** Feed every socket event here. */
    receive(change: ChangeEnvelope<T>) {
      if (catchingUp) held.push(change);
      else applyInOrder([change]);
    },

    /**
     * Call on every (re)connect, after the socket is connected (so no event falls between the last page
     * and the socket). On failure it rejects and keeps holding events: call again to continue from
     * where it stopped. A newer call supersedes an older one still waiting for the server.
     */
    async catchUp(): Promise<void> {
      const mine = ++run;
      catchingUp = true;
      for (;;) {
        const page = await deps.fetchAfter(lastSeq);
        if (mine !== run) return;
        applyInOrder(page.changes);
        lastSeq = Math.max(lastSeq, page.lastSeq);
        if (page.changes.length === 0 || page.more === false) break;
      }
      const pending = held;
      held = [];
      catchingUp = false;
      applyInOrder(pending);
    },
  };
}

export type ChangeFeed<T> = ReturnType<typeof createChangeFeed<T>>;
