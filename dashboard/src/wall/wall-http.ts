import type { PublicConfig } from "@contract/config.ts";
import type { Paged } from "@contract/envelope.ts";
import type { WallReportChange, WallSnapshot } from "@contract/wall.ts";
import type { KecamatanCollection } from "../map/map-data.model.ts";

/** An answer as a value: the wall branches on it (401 → the revoked screen; 0 → offline, retry). */
export type WallAnswer<T> = { ok: true; data: T } | { ok: false; status: number };

const TIMEOUT_MS = 20_000;

/**
 * The wall's few GETs. Not the kit's client: a kiosk sends its token as `Authorization: Bearer`, which
 * the kit (cookie sessions only) does not, and the route table it types against pulls every schema of the
 * API into the bundle. Only types are imported from the contract here, so the wall stays lean.
 */
export function createWallHttp(token: string | null, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
  /** `wall`: the token rides along and nothing comes from a cache; public reads go plain (the page preloads them). */
  async function get<T>(url: string, wall = true): Promise<WallAnswer<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const headers: Record<string, string> = { Accept: "application/json" };
      if (token && wall) headers.Authorization = `Bearer ${token}`;
      const res = await fetchImpl(url, { headers, credentials: "same-origin", ...(wall ? { cache: "no-store" as const } : {}), signal: controller.signal });
      if (!res.ok) return { ok: false, status: res.status };
      return { ok: true, data: (await res.json()) as T };
    } catch {
      return { ok: false, status: 0 };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    snapshot: () => get<{ data: WallSnapshot }>("/api/wall"),
    changesAfter: (after: number, limit = 500) => get<Paged<WallReportChange>>(`/api/wall/changes?after=${after}&limit=${limit}`),
    config: () => get<{ data: PublicConfig }>("/api/config", false),
    kecamatan: () => get<{ data: KecamatanCollection }>("/api/regions?level=kecamatan", false),
  };
}

export type WallHttp = ReturnType<typeof createWallHttp>;
