import type { RegionLevel, RegionProperties } from "@contract/regions.ts";
import { routeRequest } from "@contract/route-request.ts";
import type { AreaCollection } from "@geo/types.ts";

export type RegionCollection = AreaCollection<RegionProperties>;

/** What a boundaries request brought: new boundaries (with the server's tag), "yours are current", or nothing. */
export type RegionsAnswer = { kind: "changed"; collection: RegionCollection; etag: string | null } | { kind: "unchanged" } | { kind: "failed" };

/** The desa level is ~50 KB compressed: on one bar of 3G that takes a while. */
const TIMEOUT_MS = 60_000;

/**
 * `GET /api/regions?level=…`, conditional on the tag of the copy the phone holds: an unchanged level
 * answers 304 with no body, so keeping boundaries current costs a round trip, not a download. By hand
 * rather than through the kit's client, which has no conditional requests; a request that names its own
 * `If-None-Match` also bypasses the HTTP cache, so the 304 reaches us and we know not to rewrite
 * IndexedDB.
 */
export async function fetchRegions(level: RegionLevel, etag: string | null, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<RegionsAnswer> {
  const { url } = routeRequest("GET /api/regions", { query: { level } });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (etag) {
      headers["If-None-Match"] = etag;
      // Else fetch adds `Cache-Control: no-cache` to a request carrying its own validator, and the
      // server (Express's `req.fresh`) then answers in full instead of 304. max-age=0 asks the same of
      // any cache on the way: check with the origin.
      headers["Cache-Control"] = "max-age=0";
    }
    const res = await fetchImpl(url, { credentials: "same-origin", headers, signal: controller.signal });
    if (res.status === 304) return etag ? { kind: "unchanged" } : { kind: "failed" };
    if (!res.ok) return { kind: "failed" };
    const body = (await res.json()) as { data?: RegionCollection } | null;
    // A captive portal's page or an old cached shape is not boundaries.
    if (!Array.isArray(body?.data?.features)) return { kind: "failed" };
    return { kind: "changed", collection: body.data, etag: res.headers.get("ETag") };
  } catch {
    return { kind: "failed" }; // offline, timed out, or not JSON
  } finally {
    clearTimeout(timer);
  }
}
