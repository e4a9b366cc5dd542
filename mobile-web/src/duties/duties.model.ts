import { createModel, signal } from "@preact/signals";
import { apiCall } from "../api/http.ts";
import { cacheGet, cacheSet } from "../storage/kv.ts";
import type { KnownDuties } from "./duty-reminders.ts";

/**
 * The officer's duties from `GET /api/duties/mine`, kept in IndexedDB so the home screen still says what
 * is owed without signal (see duty-reminders.ts for how stale knowledge is read).
 */
export const DutiesModel = createModel(() => {
  const known = signal<KnownDuties | null>(null);
  let owner: string | null = null;

  async function load(userId: string): Promise<void> {
    const key = `my-duties:${userId}`;
    if (owner !== userId) {
      // Another officer on this phone: never show the previous one's duties.
      owner = userId;
      known.value = null;
      const cached = await cacheGet<KnownDuties>(key);
      if (cached && owner === userId) known.value = cached.value;
    }
    const r = await apiCall("GET /api/duties/mine", {});
    if (!r.ok || owner !== userId) return;
    known.value = { duties: r.data.data, fetchedAt: Date.now() };
    await cacheSet(key, known.value);
  }

  return { known, load };
});

/**
 * The one instance. Here rather than in the app's models (app/context.ts) only because that file belongs
 * to another area; it has no dependencies, so moving it there is a one-line change.
 */
export const myDuties = new DutiesModel();
