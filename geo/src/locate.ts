import { nearestArea } from "./nearest.ts";
import { createAreaIndex, type AreaIndex } from "./point-in-polygon.ts";
import type { AreaFeature, Position } from "./types.ts";

/** Where a point falls: its kecamatan and desa, and how far outside every kecamatan it lies (0 inside). */
export interface RegionPlace<P> {
  kecamatan: P;
  desa: P | null;
  /** Metres to the nearest kecamatan edge when the point is in none; unrounded. */
  outsideMeters: number;
}

export interface SnapOptions {
  /** A point in no kecamatan but this close to one belongs to it (the gaps simplified borders leave). */
  sliverMeters: number;
  /** A kecamatan without a desa polygon at the point takes its nearest desa within this distance. */
  desaSearchMeters: number;
}

/**
 * The one placing rule the server (intake, /api/regions/locate) and the officer's phone share: the
 * kecamatan containing the point, else the nearest within `toleranceMeters` (at least the sliver width);
 * then the desa of that kecamatan containing it, else its nearest desa. A desa belongs to the kecamatan
 * whose `kode` prefixes its own (`63.11.06` → `63.11.06.1023`). Indexes are built once.
 */
export function createRegionLocator<P extends { kode: string }>(
  kecamatan: AreaFeature<P>[],
  desa: AreaFeature<P>[],
  snap: SnapOptions,
): (point: Position, toleranceMeters?: number) => RegionPlace<P> | null {
  const kecamatanIndex = createAreaIndex(kecamatan);
  const desaOf = new Map<string, { features: AreaFeature<P>[]; index: AreaIndex<P> }>();
  for (const k of kecamatan) {
    const own = desa.filter((d) => d.properties.kode.startsWith(`${k.properties.kode}.`));
    desaOf.set(k.properties.kode, { features: own, index: createAreaIndex(own) });
  }

  return (point, toleranceMeters = 0) => {
    let kec = kecamatanIndex.locate(point);
    let outsideMeters = 0;
    if (!kec) {
      const nearest = nearestArea(kecamatan, point, Math.max(toleranceMeters, snap.sliverMeters));
      if (!nearest) return null;
      kec = nearest.properties;
      outsideMeters = nearest.meters;
    }
    const own = desaOf.get(kec.kode);
    const inDesa = own && (own.index.locate(point) ?? nearestArea(own.features, point, snap.desaSearchMeters)?.properties);
    return { kecamatan: kec, desa: inDesa ?? null, outsideMeters };
  };
}
