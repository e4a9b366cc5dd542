import { action, computed, createModel, signal } from "@preact/signals";
import type { OutboxEntry, OutboxError } from "./outbox.store.ts";
import { belongsTo, heldByOwner, type OutboxOwner } from "./owner.ts";

/** Key of one photo's upload progress. */
export const photoKey = (clientId: string, sha256: string) => `${clientId}/${sha256}`;

/**
 * What the officer's UI shows about the outbox. Only `OutboxSync` writes it; components read the signals.
 */
export const SyncStatusModel = createModel(() => {
  /** Every queued entry on the phone, oldest first (refused ones included, with their `lastError`), any officer's. */
  const entries = signal<OutboxEntry[]>([]);
  /** The signed-in officer, whose entries are sent; null while signed out. */
  const owner = signal<OutboxOwner | null>(null);
  /** True while a pass is talking to the server. */
  const sending = signal(false);
  /** Epoch ms of the last report (with all its photos) the server confirmed. */
  const lastSyncAt = signal<number | null>(null);
  /** Upload progress 0..1 per `photoKey(clientId, sha256)`, only for photos being uploaded. */
  const progress = signal<ReadonlyMap<string, number>>(new Map());
  /** The session expired: sending is paused until the officer logs in again. */
  const loginNeeded = signal(false);
  /** When the loop will try again after a passing failure (null: not waiting). */
  const retryAt = signal<number | null>(null);
  /** The last passing failure (network, server), for an "offline, retrying" hint. */
  const lastError = signal<OutboxError | null>(null);

  /** The signed-in officer's entries: the only ones sent, listed, edited or discarded. */
  const mine = computed(() => entries.value.filter((e) => belongsTo(e, owner.value?.id)));
  /** Other officers' entries, kept until they log in again: shown as held, never sent, never dropped here. */
  const held = computed(() => heldByOwner(entries.value, owner.value?.id));
  const pending = computed(() => mine.value.filter((e) => e.state !== "refused").length);
  const refused = computed(() => mine.value.filter((e) => e.state === "refused"));

  const setProgress = action((clientId: string, sha256: string, fraction: number | null) => {
    const next = new Map(progress.value);
    if (fraction === null) next.delete(photoKey(clientId, sha256));
    else next.set(photoKey(clientId, sha256), Math.max(0, Math.min(1, fraction)));
    progress.value = next;
  });

  return { entries, owner, mine, held, sending, lastSyncAt, progress, loginNeeded, retryAt, lastError, pending, refused, setProgress };
});

export type SyncStatus = InstanceType<typeof SyncStatusModel>;
