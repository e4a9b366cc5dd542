import type { PublicFacility } from "@contract/facilities.ts";
import type { FacilityTypeName } from "@contract/facility-types.ts";

export type { PublicFacility };

/**
 * The public facility list, by plain fetch and without zod (a type import only), so the layer costs the
 * public map a few kilobytes when it is switched on. The server answers with an ETag: a second load
 * while nothing changed is a 304 from the browser's cache.
 */
export async function fetchPublicFacilities(filter: { type?: FacilityTypeName; kecamatan?: string } = {}, signal?: AbortSignal): Promise<PublicFacility[]> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
  const res = await fetch(`/api/public/facilities${query ? `?${query}` : ""}`, { headers: { Accept: "application/json" }, credentials: "same-origin", signal });
  if (!res.ok) throw new Error(`facilities: HTTP ${res.status}`);
  return ((await res.json()) as { data: PublicFacility[] }).data;
}

/** Where a facility's photo is served (only when `hasPhoto`). */
export const facilityPhotoUrl = (id: string) => `/api/public/facilities/${encodeURIComponent(id)}/photo`;
