import type { SubmitReportRaw, SubmitResult } from "@contract/reports.ts";
import { deliver, type DeliveryContext, type Outcome } from "./deliver.ts";
import type { OutboxEntry, OutboxStore, QueuedPhoto } from "./outbox.store.ts";
import { belongsTo, type OutboxOwner } from "./owner.ts";
import { DEFAULT_BACKOFF, thrownToError, type BackoffPolicy } from "./retry.ts";
import { SyncStatusModel, type SyncStatus } from "./sync-status.ts";
import type { Transport } from "./transports.ts";

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Runs `work` while holding a lock shared by every tab of the app. */
export type Lock = <T>(work: () => Promise<T>) => Promise<T>;

export interface OutboxSyncOptions {
  store: OutboxStore;
  transport: Transport;
  /** The signed-in officer (default: nobody, so nothing is sent); change it with `setOwner`. */
  owner?: OutboxOwner | null;
  status?: SyncStatus;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  /** Longest sleep between passes, a safety net for wake-ups that never came. */
  periodMs?: number;
  backoff?: BackoffPolicy;
  /** Subscribe to "the network is back"; returns the unsubscribe. Default: the window's `online` event. */
  onOnline?: (wake: () => void) => () => void;
  /** Default: Web Locks when the browser has them, so two open tabs never send the same entry at once. */
  lock?: Lock;
  /** An entry left the outbox because the server has it all: the report and every photo. */
  onDelivered?: (entry: OutboxEntry, result: SubmitResult) => void;
}

/**
 * Moves outbox entries to the server, oldest first, one pass at a time. An entry leaves the outbox only
 * after the server echoed its clientId and every photo is up; everything else keeps it (see `retry.ts`).
 * Only the signed-in officer's entries are sent (`setOwner`); other officers' wait untouched (`owner.ts`).
 */
export class OutboxSync {
  readonly status: SyncStatus;
  private readonly store: OutboxStore;
  private readonly delivery: DeliveryContext;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly periodMs: number;
  private readonly onOnline: (wake: () => void) => () => void;
  private readonly lock: Lock;
  private readonly onDelivered: (entry: OutboxEntry, result: SubmitResult) => void;
  private started = false;
  private running: Promise<void> | null = null;
  private queued = false;
  private ignoreBackoff = false;
  /** After a passing failure nothing is sent before this (the network is probably still bad). */
  private holdUntil = 0;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private owner: OutboxOwner | null;

  constructor(opts: OutboxSyncOptions) {
    this.store = opts.store;
    this.status = opts.status ?? new SyncStatusModel();
    this.owner = opts.owner ?? null;
    this.status.owner.value = this.owner;
    this.now = opts.now ?? Date.now;
    this.timers = opts.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as number) };
    this.periodMs = opts.periodMs ?? 60_000;
    this.onOnline = opts.onOnline ?? windowOnline;
    this.lock = opts.lock ?? webLock ?? ((work) => work());
    this.onDelivered = opts.onDelivered ?? (() => undefined);
    this.delivery = {
      store: opts.store,
      transport: opts.transport,
      now: this.now,
      random: opts.random ?? Math.random,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      onProgress: (clientId, sha256, fraction) => this.status.setProgress(clientId, sha256, fraction),
      mayContinue: (entry) => belongsTo(entry, this.owner?.id),
    };
  }

  start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.unsubscribe = this.onOnline(() => void this.wake("online"));
    }
    return this.wake("start");
  }

  /** Stop waking up. A request already in flight finishes (its answer is still recorded). */
  stop(): void {
    this.started = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancelTimer();
  }

  /** Try now: after saving a report, or when the service worker relays a Background Sync event. */
  kick(): Promise<void> {
    return this.wake("kick");
  }

  /**
   * Who is signed in (null: nobody). Only their entries are sent from now on — a request already under way
   * for the previous officer stops before its next step. Nothing is deleted: logging out keeps the queue.
   */
  setOwner(owner: OutboxOwner | null): Promise<void> {
    const changed = owner?.id !== this.owner?.id;
    this.owner = owner ? { ...owner } : null;
    this.status.owner.value = this.owner;
    if (!changed) return Promise.resolve();
    this.holdUntil = 0; // the hold was about the previous officer's entries
    if (owner) return this.wake("kick");
    this.schedule(); // signed out: nothing is due until someone signs in
    return Promise.resolve();
  }

  /** Call after the officer logged in again. */
  resume(): Promise<void> {
    this.status.loginNeeded.value = false;
    return this.wake("kick");
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Save a new report (and its photos) first, then try to send it. Resolves once it is saved. */
  async add(payload: SubmitReportRaw, photos: QueuedPhoto[] = []): Promise<OutboxEntry> {
    if (!this.owner) throw new Error("No officer is signed in");
    const entry = await this.store.add(payload, photos, this.now(), this.owner);
    await this.refresh();
    void this.kick();
    return entry;
  }

  /** Change a refused report; it is sent again under a new clientId. */
  async edit(clientId: string, payload: SubmitReportRaw, photos?: QueuedPhoto[]): Promise<OutboxEntry> {
    await this.mustBeMine(clientId);
    const entry = await this.store.edit(clientId, payload, photos);
    await this.refresh();
    void this.kick();
    return entry;
  }

  /** Send a refused entry again unchanged (e.g. after an admin fixed the officer's rights). */
  async resend(clientId: string): Promise<void> {
    await this.mustBeMine(clientId);
    await this.store.update(clientId, (e) =>
      e.state === "refused" ? { state: e.result ? "uploading_photos" : "pending", attempts: 0, nextAttemptAt: 0 } : {},
    );
    await this.refresh();
    void this.kick();
  }

  /** Drop a refused entry for good (the officer decided). Entries still on their way cannot be dropped. */
  async discard(clientId: string): Promise<void> {
    const entry = await this.mustBeMine(clientId);
    if (entry?.state !== "refused") throw new Error("Only a refused report can be discarded");
    await this.store.remove(clientId);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    this.status.entries.value = await this.store.list();
  }

  /** Another officer's report is theirs to change: refuse, whatever a stale screen offered. */
  private async mustBeMine(clientId: string): Promise<OutboxEntry | undefined> {
    const entry = await this.store.get(clientId);
    if (entry && !belongsTo(entry, this.owner?.id)) throw new Error("This report belongs to another officer");
    return entry;
  }

  private wake(reason: "start" | "kick" | "online" | "timer"): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (reason !== "timer") this.holdUntil = 0; // someone has reason to think it may work now
    if (reason === "online") this.ignoreBackoff = true;
    this.queued = true;
    return (this.running ??= this.drain());
  }

  /** Runs passes until no wake-up is left, then sleeps until the next entry is due. */
  private async drain(): Promise<void> {
    this.cancelTimer();
    try {
      while (this.queued && this.started) {
        this.queued = false;
        const ignoreBackoff = this.ignoreBackoff;
        this.ignoreBackoff = false;
        try {
          await this.lock(() => this.pass(ignoreBackoff));
        } catch (err) {
          // The store itself failed (quota, closed by an upgrade): don't spin on it.
          this.status.lastError.value = thrownToError(err);
          this.holdUntil = this.now() + this.periodMs;
        }
      }
    } finally {
      this.running = null;
      this.schedule();
    }
  }

  private async pass(ignoreBackoff: boolean): Promise<void> {
    // A timer (the periodic one) may come during a hold; only the others clear it.
    const owner = this.owner;
    if (!owner || this.status.loginNeeded.value || (!ignoreBackoff && this.now() < this.holdUntil)) return;
    try {
      for (const { clientId } of await this.store.list()) {
        if (!this.started || this.owner?.id !== owner.id) break; // signed out or someone else signed in: a new pass follows
        let entry = await this.store.get(clientId); // may have changed since the list was read
        if (!entry || entry.state === "refused" || !belongsTo(entry, owner.id)) continue;
        // From before owners were recorded: the officer who sends it adopts it, so it stays theirs.
        if (!entry.owner) entry = await this.store.update(clientId, (e) => (e.owner ? {} : { owner }));
        if (!entry || !belongsTo(entry, owner.id)) continue;
        if (!ignoreBackoff && entry.nextAttemptAt > this.now()) continue;
        this.status.sending.value = true;
        const outcome = await deliver(entry, this.delivery);
        await this.refresh();
        if (!this.record(outcome)) break;
      }
    } finally {
      this.status.sending.value = false;
      await this.refresh();
    }
  }

  /** Reflect an outcome in the status; returns whether the pass should go on to the next entry. */
  private record(outcome: Outcome): boolean {
    switch (outcome.kind) {
      case "delivered":
        this.onDelivered(outcome.entry, outcome.result);
        this.status.lastSyncAt.value = this.now();
        this.status.lastError.value = null;
        return true;
      case "gone":
      case "refused": // about this report only; the next one may be fine
        return true;
      case "held": // the officer changed mid-delivery; the new officer's pass is already queued
        return false;
      case "login":
        this.status.loginNeeded.value = true;
        return false;
      case "retry":
        // The network is probably bad for the others too: hold everything until this one is due.
        this.holdUntil = outcome.at;
        this.status.lastError.value = outcome.error;
        return false;
    }
  }

  /** One timer: the earliest due entry (not before the hold), at most `periodMs` away. */
  private schedule(): void {
    this.cancelTimer();
    const ownerId = this.owner?.id;
    if (!this.started || !ownerId || this.status.loginNeeded.value) return void (this.status.retryAt.value = null);
    const now = this.now();
    // Only entries this officer may send: another's, always "due", would spin the timer at 0 ms.
    const active = this.status.entries.value.filter((e) => e.state !== "refused" && belongsTo(e, ownerId));
    const due = active.length ? Math.max(this.holdUntil, Math.min(...active.map((e) => e.nextAttemptAt))) : Infinity;
    this.status.retryAt.value = due > now && due !== Infinity ? due : null;
    const delay = Math.max(0, Math.min(this.periodMs, due - now));
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.wake("timer");
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}

function windowOnline(wake: () => void): () => void {
  if (typeof addEventListener !== "function") return () => undefined;
  addEventListener("online", wake);
  return () => removeEventListener("online", wake);
}

const webLock: Lock | undefined =
  typeof navigator !== "undefined" && navigator.locks
    ? async (work) => await navigator.locks.request("sikanda-outbox-sync", work)
    : undefined;
