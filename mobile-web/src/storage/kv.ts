import { openDB, type IDBPDatabase } from "idb";

/**
 * A small key-value cache in IndexedDB for data too big for localStorage that the app must show offline:
 * region boundaries (~250 KB) and the officer's own reports. Losing it costs a download, never data —
 * reports waiting to be sent live in the outbox, not here.
 */
const DB_NAME = "sikanda-cache";
let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore("kv");
    },
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

export interface Cached<T> {
  value: T;
  /** Epoch ms when it was stored. */
  at: number;
}

export async function cacheGet<T>(key: string): Promise<Cached<T> | null> {
  try {
    return ((await (await db()).get("kv", key)) as Cached<T> | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Store a value; false when it could not be kept (the caller may not count on it offline). */
export async function cacheSet<T>(key: string, value: T, at = Date.now()): Promise<boolean> {
  try {
    await (await db()).put("kv", { value, at } satisfies Cached<T>, key);
    return true;
  } catch {
    // Quota or a private window: the app works from memory and fetches again next time.
    return false;
  }
}
