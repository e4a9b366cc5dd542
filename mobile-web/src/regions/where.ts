import { REGION_SNAP, type RegionProperties, type RegionRef } from "@contract/regions.ts";
import { REPORT_LIMITS } from "@contract/reports.ts";
import { nearestArea } from "@geo/nearest.ts";
import { createAreaIndex } from "@geo/point-in-polygon.ts";
import { toPosition, type LatLng } from "@geo/point.ts";
import type { AreaCollection } from "@geo/types.ts";

/** Where a point falls, as the server will see it (server/regions/regions.service.ts `locate`). */
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
  const kecIndex = createAreaIndex(kecamatan);
  const desaIndex = desa ? createAreaIndex(desa) : null;
  const ref = (p: RegionProperties): RegionRef => ({ kode: p.kode, nama: p.nama });

  const desaOf = (kec: RegionProperties, point: [number, number]): RegionRef | null => {
    if (!desa || !desaIndex) return null;
    const hit = desaIndex.locate(point);
    if (hit?.kode.startsWith(`${kec.kode}.`)) return ref(hit);
    const inKec = desa.features.filter((f) => f.properties.kode.startsWith(`${kec.kode}.`));
    const near = nearestArea(inKec, point, REGION_SNAP.desaSearchMeters);
    return near ? ref(near.properties) : null;
  };

  return (p) => {
    const point = toPosition(p);
    const inside = kecIndex.locate(point);
    if (inside) return { kind: "inside", kecamatan: ref(inside), desa: desaOf(inside, point) };
    const nearest = nearestArea(kecamatan, point, REPORT_LIMITS.outsideToleranceMeters);
    if (!nearest) return { kind: "outside", meters: nearestArea(kecamatan, point)?.meters ?? null };
    const k = nearest.properties;
    if (nearest.meters <= REGION_SNAP.sliverMeters) return { kind: "inside", kecamatan: ref(k), desa: desaOf(k, point) };
    return { kind: "near", kecamatan: ref(k), desa: desaOf(k, point), meters: Math.round(nearest.meters) };
  };
}
