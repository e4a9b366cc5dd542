import { openDB, type IDBPDatabase } from "idb";
import type { ReportKind, ReportLocation } from "@contract/reports.ts";
import type { QueuedPhoto } from "../outbox/outbox.store.ts";

/**
 * A report being written and not yet saved: what the form holds, so closing the tab, a reboot or a
 * phone call that kills the browser loses nothing. One per officer and kind; it goes when the report is
 * saved to the outbox, when the officer starts afresh, or when they log out (a shared phone shows no one
 * another's half-written report).
 */
export interface Draft {
  /** The form's fields as a partial payload (see form-values.ts `assemble`). */
  fields: Record<string, unknown>;
  location: ReportLocation | null;
  photos: QueuedPhoto[];
  /** Epoch ms of the last change. */
  savedAt: number;
}

/** A draft as the partial payload a form opens on (the location sits where the payload has it). */
export function draftPayload(draft: Draft | null): Record<string, unknown> | undefined {
  return draft ? { ...draft.fields, ...(draft.location ? { location: draft.location } : {}) } : undefined;
}

const DB_NAME = "sikanda-drafts";
const STORE = "drafts";
let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

const keyOf = (ownerId: string, kind: ReportKind) => `${ownerId}/${kind}`;

export async function loadDraft(ownerId: string, kind: ReportKind): Promise<Draft | null> {
  try {
    return ((await (await db()).get(STORE, keyOf(ownerId, kind))) as Draft | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Best effort: a full disk or a private window must not stop the officer typing. */
export async function saveDraft(ownerId: string, kind: ReportKind, draft: Draft): Promise<void> {
  try {
    await (await db()).put(STORE, draft, keyOf(ownerId, kind));
  } catch {
    /* kept in the form only */
  }
}

export async function dropDraft(ownerId: string, kind: ReportKind): Promise<void> {
  try {
    await (await db()).delete(STORE, keyOf(ownerId, kind));
  } catch {
    /* nothing stored */
  }
}

/** Every draft of one officer (at logout). */
export async function dropDraftsOf(ownerId: string): Promise<void> {
  try {
    await (await db()).delete(STORE, IDBKeyRange.bound(`${ownerId}/`, `${ownerId}/\uffff`));
  } catch {
    /* nothing stored */
  }
}
