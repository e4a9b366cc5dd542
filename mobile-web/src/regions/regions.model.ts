import { createModel, signal } from "@preact/signals";
import type { RegionLevel, RegionProperties } from "@contract/regions.ts";
import type { AreaCollection } from "@geo/types.ts";
import { apiCall } from "../api/http.ts";
import { cacheGet, cacheSet } from "../storage/kv.ts";

export type RegionCollection = AreaCollection<RegionProperties>;

/** Boundaries come from migrations and change only with a release; a week-old copy is fresh enough. */
const MAX_AGE_MS = 7 * 86_400_000;
const LEVELS = ["kecamatan", "desa"] as const satisfies readonly RegionLevel[];

/**
 * Kecamatan and desa boundaries for offline use: the form shows "Kec. X, Desa Y" for a GPS fix and the
 * map picker draws them, without signal. Fetched once (public endpoint, works before login) and kept in
 * IndexedDB; the service worker keeps a copy too, but a first visit may not be controlled by it yet.
 */
export const RegionsModel = createModel(() => {
  const kecamatan = signal<RegionCollection | null>(null);
  const desa = signal<RegionCollection | null>(null);
  const target = { kecamatan, desa };
  let loading: Promise<void> | null = null;

  async function loadLevel(level: (typeof LEVELS)[number]): Promise<void> {
    const key = `regions:${level}`;
    const cached = await cacheGet<RegionCollection>(key);
    if (cached) target[level].value = cached.value;
    if (cached && Date.now() - cached.at < MAX_AGE_MS) return;
    const r = await apiCall("GET /api/regions", { query: { level } }, { timeoutMs: 60_000 });
    // The service worker may answer offline with a copy cached before the `{ data }` envelope: skip it.
    if (r.ok && Array.isArray(r.data.data?.features)) {
      target[level].value = r.data.data;
      await cacheSet(key, r.data.data);
    }
  }

  /** Idempotent while running; call again later (e.g. when back online) to retry a failed fetch. */
  function load(): Promise<void> {
    loading ??= Promise.all(LEVELS.map(loadLevel))
      .then(() => undefined)
      .finally(() => (loading = null));
    return loading;
  }

  return { kecamatan, desa, load };
});

export type Regions = InstanceType<typeof RegionsModel>;
