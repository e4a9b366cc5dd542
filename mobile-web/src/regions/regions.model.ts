import { computed, createModel, signal } from "@preact/signals";
import type { RegionLevel } from "@contract/regions.ts";
import { cacheGet, cacheSet } from "../storage/kv.ts";
import { fetchRegions, type RegionCollection } from "./regions.api.ts";

export type { RegionCollection };

const LEVELS = ["kecamatan", "desa"] as const satisfies readonly RegionLevel[];
type Level = (typeof LEVELS)[number];

/** A level as kept in IndexedDB, with the server's tag for a cheap "still current?" next time. */
interface StoredLevel {
  collection: RegionCollection;
  etag: string | null;
}

/** Coming back online again and again on a flaky link asks the server at most this often. */
export const RECHECK_MS = 10 * 60_000;

const isCollection = (v: unknown): v is RegionCollection => Array.isArray((v as RegionCollection | null)?.features);

/** The stored shape, or a copy kept before tags were (a bare collection: revalidated in full once). */
function readStored(v: unknown): StoredLevel | null {
  if (isCollection(v)) return { collection: v, etag: null };
  const s = v as StoredLevel | null;
  return s && isCollection(s.collection) ? { collection: s.collection, etag: typeof s.etag === "string" ? s.etag : null } : null;
}

/**
 * Kecamatan and desa boundaries for offline use: the form shows "Kec. X, Desa Y" for a GPS fix and the
 * map picker draws them, without signal. Loaded for a signed-in officer only (the login screen needs
 * none of their ~50 KB), kept in IndexedDB, and on later starts only revalidated: the server answers
 * 304 to the tag we hold, so an unchanged level never downloads twice.
 */
export const RegionsModel = createModel(() => {
  const kecamatan = signal<RegionCollection | null>(null);
  const desa = signal<RegionCollection | null>(null);
  const target = { kecamatan, desa };
  const kept = { kecamatan: signal(false), desa: signal(false) };
  /** Both levels are in IndexedDB: the app can place a report and draw the map with no signal. */
  const stored = computed(() => kept.kecamatan.value && kept.desa.value);
  const etags: Record<Level, string | null> = { kecamatan: null, desa: null };
  const opened: Record<Level, boolean> = { kecamatan: false, desa: false };
  const checkedAt: Record<Level, number> = { kecamatan: 0, desa: 0 };
  let loading: Promise<void> | null = null;

  const key = (level: Level) => `regions:${level}`;

  async function loadLevel(level: Level): Promise<void> {
    if (!opened[level]) {
      opened[level] = true;
      const cached = await cacheGet<unknown>(key(level));
      const s = cached && readStored(cached.value);
      if (s) {
        target[level].value = s.collection;
        etags[level] = s.etag;
        kept[level].value = true;
      }
    }
    if (Date.now() - checkedAt[level] < RECHECK_MS) return;
    const answer = await fetchRegions(level, etags[level]);
    if (answer.kind === "failed") return; // offline: keep what we have, try again on the next load()
    checkedAt[level] = Date.now();
    if (answer.kind === "unchanged") return;
    target[level].value = answer.collection;
    etags[level] = answer.etag;
    // A failed write leaves the older copy in IndexedDB: still there for an offline start.
    const saved = await cacheSet(key(level), { collection: answer.collection, etag: answer.etag } satisfies StoredLevel);
    kept[level].value ||= saved;
  }

  /** Idempotent while running; call again later (e.g. when back online) to retry a failed fetch. */
  function load(): Promise<void> {
    loading ??= Promise.all(LEVELS.map(loadLevel))
      .then(() => undefined)
      .finally(() => (loading = null));
    return loading;
  }

  return { kecamatan, desa, stored, load };
});

export type Regions = InstanceType<typeof RegionsModel>;
