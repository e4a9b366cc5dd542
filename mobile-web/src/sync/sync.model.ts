import { effect, signal, type ReadonlySignal } from "@preact/signals";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { SubmitReportRaw } from "@contract/reports.ts";
import type { OutboxEntry, QueuedPhoto } from "../outbox/outbox.store.ts";
import type { OutboxOwner } from "../outbox/owner.ts";
import { SyncStatusModel, type SyncStatus } from "../outbox/sync-status.ts";
import { readJson, writeJson } from "../storage/local.ts";
import type { Engine, EngineHooks } from "./engine.ts";
import { requestBackgroundSync } from "./background-sync.ts";

const LAST_SYNC_KEY = "sikanda.lastSyncAt";

/**
 * The app's handle on the outbox. Its status signals exist from the first paint; the engine behind it
 * (socket, IndexedDB outbox, transports) loads lazily, and every action waits for it, so saving a report
 * a second after opening the app still lands in the outbox.
 */
export interface SyncFacade {
  readonly status: SyncStatus;
  /** True once the engine runs and `status.entries` reflects the outbox on disk. */
  readonly loaded: ReadonlySignal<boolean>;
  /** Load and start the engine (idempotent). */
  start(hooks: EngineHooks): Promise<Engine>;
  /**
   * The signed-in officer (null when signed out): new reports are saved as theirs and only theirs are
   * sent; other officers' stay queued until they sign in again.
   */
  setOwner(owner: OutboxOwner | null): void;
  add(payload: SubmitReportRaw, photos?: QueuedPhoto[]): Promise<OutboxEntry>;
  edit(clientId: string, payload: SubmitReportRaw, photos?: QueuedPhoto[]): Promise<OutboxEntry>;
  resend(clientId: string): Promise<void>;
  discard(clientId: string): Promise<void>;
  kick(): Promise<void>;
  /** After a new login: unpause sending and reopen the socket. */
  resume(): Promise<void>;
  /** After logging out: close the socket (entries stay queued). */
  pause(): void;
  /** The session cookie changed (password change: the server closed the old session's sockets): reopen. */
  reconnect(): Promise<void>;
}

export function createSync(status: SyncStatus = new SyncStatusModel()): SyncFacade {
  let engine: Promise<Engine> | null = null;
  let owner: OutboxOwner | null = null;
  const loaded = signal(false);
  const ready = () => {
    if (!engine) throw new Error("sync engine not started");
    return engine;
  };

  // The last confirmed send survives reloads: "terakhir terkirim" should not reset to nothing.
  status.lastSyncAt.value ??= readJson(LAST_SYNC_KEY, (v): v is number => typeof v === "number");
  effect(() => writeJson(LAST_SYNC_KEY, status.lastSyncAt.value));
  // Wake the loop via Background Sync when the phone regains signal while the app is in the background.
  effect(() => {
    if (status.pending.value > 0) requestBackgroundSync();
  });

  return {
    status,
    loaded,
    start(hooks) {
      engine ??= import("./engine.ts").then(async (m) => {
        // The owner as of now; a later setOwner is applied once this resolves (it chains on `engine`).
        const started = await m.startEngine(status, hooks, owner);
        loaded.value = true;
        return started;
      });
      engine.catch(() => (engine = null)); // a failed chunk download (offline, first run) can be retried
      return engine;
    },
    setOwner(next) {
      owner = next;
      void engine?.then((e) => e.sync.setOwner(next)).catch(() => undefined);
    },
    add: async (payload, photos) => (await ready()).sync.add(payload, photos),
    edit: async (clientId, payload, photos) => (await ready()).sync.edit(clientId, payload, photos),
    resend: async (clientId) => (await ready()).sync.resend(clientId),
    discard: async (clientId) => (await ready()).sync.discard(clientId),
    kick: async () => (await ready()).sync.kick(),
    async resume() {
      const e = await ready();
      e.connect();
      await e.sync.resume();
    },
    pause() {
      void engine?.then((e) => e.disconnect()).catch(() => undefined);
    },
    async reconnect() {
      (await ready()).reconnect();
    },
  };
}

export type { ChangeEnvelope };
