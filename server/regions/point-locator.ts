import { REGION_SNAP } from "@contract/regions.ts";
import { createRegionLocator } from "@geo/locate.ts";
import type { AreaFeature } from "@geo/types.ts";
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

/**
 * Point-in-polygon and nearest-edge distance in memory (geo's `createRegionLocator`, as on the phone), over
 * the same polygons PostGIS holds. Regions never change at run time and intake locates every report, so no
 * report waits on a query for it. The answers match `locateInDatabase` (PostGIS, on the spheroid):
 * regions.test.ts compares them point by point.
 */
export function createPointLocator(rows: RegionShapeRow[]): PointLocator {
  const features = (level: string): AreaFeature<NamedRegion>[] =>
    rows
      .filter((r) => r.level === level)
      .map((r) => ({ geometry: r.geometry as AreaFeature<NamedRegion>["geometry"], properties: { kode: r.kode, nama: r.nama } }));
  const locate = createRegionLocator(features("kecamatan"), features("desa"), REGION_SNAP);

  return (lat, lng, toleranceMeters = 0) => {
    const place = locate([lng, lat], toleranceMeters);
    return place && { ...place, outsideMeters: Math.round(place.outsideMeters) };
  };
}
