import type { Draft } from "./drafts.store.ts";

export interface DraftAutosave {
  /** Something changed: save a little later (typing is not saved key by key). */
  touch(): void;
  /** Save now if anything changed since the last save (the page is being hidden or left). */
  flush(): Promise<void>;
  /**
   * The report was saved to the outbox: nothing more to keep. Resolves once a save already under way has
   * landed, so deleting the draft afterwards cannot be undone by it.
   */
  close(): Promise<void>;
}

/**
 * When the draft of a report being written is stored. Nothing is stored until the officer changes
 * something, so opening a form and going back leaves no draft.
 */
export function createDraftAutosave(opts: {
  read: () => Omit<Draft, "savedAt">;
  save: (draft: Draft) => Promise<void>;
  delayMs?: number;
  now?: () => number;
}): DraftAutosave {
  const delay = opts.delayMs ?? 700;
  const now = opts.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let closed = false;
  let inflight: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    if (!dirty || closed) return inflight;
    dirty = false;
    const draft = { ...opts.read(), savedAt: now() };
    inflight = inflight.then(() => opts.save(draft));
    return inflight;
  }

  return {
    touch() {
      if (closed) return;
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delay);
    },
    flush,
    close() {
      closed = true;
      clearTimeout(timer);
      return inflight;
    },
  };
}
