import { REGION_SNAP, type RegionProperties, type RegionRef } from "@contract/regions.ts";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { createRegionLocator } from "@geo/locate.ts";
import { nearestArea } from "@geo/nearest.ts";
import { toPosition, type LatLng } from "@geo/point.ts";
import type { AreaCollection } from "@geo/types.ts";

/** Where a point falls, as the server will see it: both place points with geo's `createRegionLocator`. */
export type Whereabouts =
  | { kind: "unknown" } // no boundaries on the phone yet
  | { kind: "inside"; kecamatan: RegionRef; desa: RegionRef | null }
  /** Outside Balangan but within the tolerance: the server assigns the nearest kecamatan and flags it. */
  | { kind: "near"; kecamatan: RegionRef; desa: RegionRef | null; meters: number }
  /** Too far outside: the server will refuse the report. */
  | { kind: "outside"; meters: number | null };

type Regions = AreaCollection<RegionProperties>;

/** A lookup bound to one set of boundaries (indexes built once, then each call is cheap). */
export function createLocator(kecamatan: Regions | null, desa: Regions | null): (p: LatLng) => Whereabouts {
  if (!kecamatan) return () => ({ kind: "unknown" });
  const locate = createRegionLocator(kecamatan.features, desa?.features ?? [], REGION_SNAP);
  const ref = (p: RegionProperties): RegionRef => ({ kode: p.kode, nama: p.nama });

  return (p) => {
    const point = toPosition(p);
    const place = locate(point, REPORT_LIMITS.outsideToleranceMeters);
    if (!place) return { kind: "outside", meters: nearestArea(kecamatan, point)?.meters ?? null };
    const at = { kecamatan: ref(place.kecamatan), desa: place.desa && ref(place.desa) };
    // A point in a sliver between simplified borders is inside, as the server sees it.
    if (place.outsideMeters <= REGION_SNAP.sliverMeters) return { kind: "inside", ...at };
    return { kind: "near", ...at, meters: Math.round(place.outsideMeters) };
  };
}
