import { REGION_SNAP } from "@contract/regions.ts";
import { nearestArea } from "@geo/nearest.ts";
import { createAreaIndex, type AreaIndex } from "@geo/point-in-polygon.ts";
import type { AreaFeature, Position } from "@geo/types.ts";
import type { RegionShapeRow } from "./regions.repo.ts";

export interface NamedRegion {
  kode: string;
  nama: string;
}

export interface Located {
  kecamatan: NamedRegion;
  desa: NamedRegion | null;
  /** Metres outside the nearest kecamatan polygon, rounded; 0 when inside. */
  outsideMeters: number;
}

/**
 * The kecamatan and desa at a point. Points up to `toleranceMeters` outside every kecamatan (at least the
 * sliver width) go to the nearest one, with `outsideMeters` set; farther ones give null.
 */
export type PointLocator = (lat: number, lng: number, toleranceMeters?: number) => Located | null;

type RegionFeature = AreaFeature<NamedRegion>;

/**
 * Point-in-polygon and nearest-edge distance in memory, over the same polygons PostGIS holds. Regions never
 * change at run time and intake locates every report, so no report waits on a query for it. The answers
 * match `locateInDatabase` (PostGIS, on the spheroid): regions.test.ts compares them point by point.
 */
export function createPointLocator(rows: RegionShapeRow[]): PointLocator {
  const features = (level: string, parent?: string): RegionFeature[] =>
    rows
      .filter((r) => r.level === level && (parent === undefined || r.parent_kode === parent))
      .map((r) => ({ geometry: r.geometry as RegionFeature["geometry"], properties: { kode: r.kode, nama: r.nama } }));
  const kecamatan = features("kecamatan");
  const kecamatanIndex = createAreaIndex(kecamatan);
  const desaOf = new Map<string, { features: RegionFeature[]; index: AreaIndex<NamedRegion> }>();
  for (const k of kecamatan) {
    const desa = features("desa", k.properties.kode);
    desaOf.set(k.properties.kode, { features: desa, index: createAreaIndex(desa) });
  }

  return (lat, lng, toleranceMeters = 0) => {
    const point: Position = [lng, lat];
    let kec = kecamatanIndex.locate(point);
    let outsideMeters = 0;
    if (!kec) {
      const nearest = nearestArea(kecamatan, point, Math.max(toleranceMeters, REGION_SNAP.sliverMeters));
      if (!nearest) return null;
      kec = nearest.properties;
      outsideMeters = nearest.meters;
    }
    const desa = desaOf.get(kec.kode);
    const inDesa = desa?.index.locate(point) ?? (desa && nearestArea(desa.features, point, REGION_SNAP.desaSearchMeters)?.properties);
    return { kecamatan: kec, desa: inDesa ?? null, outsideMeters: Math.round(outsideMeters) };
  };
}
