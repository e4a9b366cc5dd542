import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ErrorCode, FieldIssue } from "@contract/errors.ts";
import type { ReportKind, SubmitReportRaw, SubmitResult } from "@contract/reports.ts";
import type { OutboxOwner } from "./owner.ts";
import { newClientId } from "./client-id.ts";

export type { OutboxOwner };

/**
 * `sending`: a submit may be in flight (after a crash it may or may not have reached the server — sending
 * again is safe because the server dedupes by clientId). `uploading_photos`: the server acked; only the
 * photos remain. `refused`: the server said no; waits for the officer, never retried by itself.
 */
export type OutboxState = "pending" | "sending" | "refused" | "uploading_photos";

/** Server codes, plus the phone's own for answers that never arrived or made no sense. */
export type OutboxErrorCode = ErrorCode | "network" | "timeout" | "bad_answer";

export interface OutboxError {
  code: OutboxErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** Stable codes for `fields` (servers since the client kit): what the refused list shows, translated. */
  fieldIssues?: Record<string, FieldIssue>;
}

export interface OutboxPhoto {
  sha256: string;
  blob: Blob;
  mime: string;
  size: number;
  uploaded: boolean;
}

export interface OutboxEntry {
  /** Also `payload.clientId`: the key here and the idempotency key on the server. */
  clientId: string;
  /**
   * Who saved it. Absent on entries saved before owners were recorded (outbox schema 1 without the
   * field): those count as the signed-in officer's, who adopts them for good on the next send.
   */
  owner?: OutboxOwner;
  kind: ReportKind;
  /** Frozen when saved: a retry must send the same bytes, or the server answers `client_id_conflict`. */
  payload: SubmitReportRaw;
  photos: OutboxPhoto[];
  state: OutboxState;
  /** Failed attempts in the current phase (submit, then photos); drives the backoff. */
  attempts: number;
  /** Epoch ms; not before this. 0 = now. */
  nextAttemptAt: number;
  lastError?: OutboxError;
  createdAt: number;
  /** Queue position, strictly increasing: two reports saved in the same millisecond still go in order. */
  seq: number;
  /** The server's ack, kept until every photo is up, so a reload resumes uploads instead of resubmitting. */
  result?: SubmitResult;
}

/** A photo ready to queue (see `preparePhoto`). */
export interface QueuedPhoto {
  blob: Blob;
  sha256: string;
  mime: string;
  /** Already on the server for the report this submission revises: declared again, not uploaded again. */
  uploaded?: boolean;
}

interface OutboxSchema extends DBSchema {
  entries: { key: string; value: OutboxEntry; indexes: { "by-seq": number } };
}

export const OUTBOX_DB = "sikanda-outbox";
const VERSION = 1;

/** Open (and create or upgrade) the outbox database. */
export async function openOutbox(name: string = OUTBOX_DB): Promise<OutboxStore> {
  const db = await openDB<OutboxSchema>(name, VERSION, {
    upgrade(db, oldVersion) {
      // One case per version, falling through, so any old database climbs to the current one.
      if (oldVersion < 1) {
        const entries = db.createObjectStore("entries", { keyPath: "clientId" });
        entries.createIndex("by-seq", "seq");
      }
    },
    // A newer version of the app in another tab wants to upgrade: let it (this tab must reload).
    blocking() {
      db.close();
    },
  });
  return new OutboxStore(db);
}

export class OutboxStore {
  constructor(private readonly db: IDBPDatabase<OutboxSchema>) {}

  /**
   * Save a new report before any network. `payload.clientId` must be a fresh UUID; `payload.photos` is
   * replaced by the hashes of `photos` so the two can never disagree.
   */
  async add(payload: SubmitReportRaw, photos: QueuedPhoto[] = [], now: number = Date.now(), owner?: OutboxOwner): Promise<OutboxEntry> {
    const queued = toOutboxPhotos(photos);
    // "strict": on disk before we tell the officer it is saved — a cheap phone's battery can die any moment.
    const tx = this.db.transaction("entries", "readwrite", { durability: "strict" });
    const last = await tx.store.index("by-seq").openCursor(null, "prev");
    const entry: OutboxEntry = {
      clientId: payload.clientId,
      ...(owner ? { owner: { ...owner } } : {}),
      kind: payload.kind,
      payload: { ...payload, photos: queued.map((p) => p.sha256) },
      photos: queued,
      state: "pending",
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: now,
      seq: (last?.value.seq ?? 0) + 1,
    };
    // add, not put: a reused clientId must fail loudly. Awaiting both so an abort is never unhandled.
    await Promise.all([tx.store.add(entry), tx.done]);
    return entry;
  }

  /** Every entry, oldest first. */
  async list(): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex("entries", "by-seq");
  }

  get(clientId: string): Promise<OutboxEntry | undefined> {
    return this.db.get("entries", clientId);
  }

  /** Patch an entry in one transaction. Returns undefined (and writes nothing) if it is gone. */
  async update(clientId: string, patch: Partial<OutboxEntry> | ((e: OutboxEntry) => Partial<OutboxEntry>)): Promise<OutboxEntry | undefined> {
    const tx = this.db.transaction("entries", "readwrite");
    const current = await tx.store.get(clientId);
    if (!current) return void (await tx.done);
    const next = { ...current, ...(typeof patch === "function" ? patch(current) : patch), clientId };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  async remove(clientId: string): Promise<void> {
    await this.db.delete("entries", clientId);
  }

  /** Entries still on their way (everything not refused). */
  async countPending(): Promise<number> {
    return (await this.list()).filter((e) => e.state !== "refused").length;
  }

  /**
   * Replace a refused report's content. It gets a NEW clientId: the server keeps the old id bound to the
   * old content (a changed payload under it would be `client_id_conflict` forever).
   */
  async edit(clientId: string, payload: SubmitReportRaw, photos?: QueuedPhoto[]): Promise<OutboxEntry> {
    const tx = this.db.transaction("entries", "readwrite", { durability: "strict" });
    const old = await tx.store.get(clientId);
    if (!old || old.state !== "refused" || old.result) {
      tx.abort();
      await tx.done.catch(() => undefined);
      // With a result the server has the report already: an edit would be a second report.
      throw new Error(old?.result ? "This report was already received; it cannot be edited here" : "Only a refused report can be edited");
    }
    // Uploads belonged to the old report id; the new report needs its own.
    const kept = toOutboxPhotos(photos ?? old.photos);
    const newId = newClientId(); // not crypto.randomUUID: plain-HTTP pages lack it
    const entry: OutboxEntry = {
      clientId: newId,
      ...(old.owner ? { owner: old.owner } : {}),
      kind: payload.kind,
      payload: { ...payload, clientId: newId, photos: kept.map((p) => p.sha256) },
      photos: kept,
      state: "pending",
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: old.createdAt,
      seq: old.seq, // keeps its place in the queue
    };
    await Promise.all([tx.store.delete(clientId), tx.store.add(entry), tx.done]);
    return entry;
  }

  close(): void {
    this.db.close();
  }
}

/** The same photo picked twice is one photo (one hash, one upload). */
function toOutboxPhotos(photos: QueuedPhoto[]): OutboxPhoto[] {
  const unique = new Map(photos.map((p) => [p.sha256, p]));
  return [...unique.values()].map((p) => ({ sha256: p.sha256, blob: p.blob, mime: p.mime, size: p.blob.size, uploaded: p.uploaded === true }));
}
