import { createAreaIndex, type AreaIndex } from "@geo/point-in-polygon.ts";
import type { AreaFeature } from "@geo/types.ts";
import type { RegionShapeRow } from "./regions.repo.ts";

export interface NamedRegion {
  kode: string;
  nama: string;
}

/** The kecamatan and desa containing a point, or null when either is missing (the caller asks PostGIS). */
export type PointLocator = (lat: number, lng: number) => { kecamatan: NamedRegion; desa: NamedRegion } | null;

/**
 * Point-in-polygon in memory over the same polygons PostGIS holds. Regions never change at run time, and
 * intake locates every report: answering the common case (inside a kecamatan and one of its desa) here
 * spares the database a query per batch. Anything else (a sliver between polygons, a point outside
 * Balangan) is left to PostGIS, which measures distances on the spheroid.
 */
export function createPointLocator(rows: RegionShapeRow[]): PointLocator {
  const features = (level: string, parent?: string): AreaFeature<NamedRegion>[] =>
    rows
      .filter((r) => r.level === level && (parent === undefined || r.parent_kode === parent))
      .map((r) => ({ geometry: r.geometry as AreaFeature<NamedRegion>["geometry"], properties: { kode: r.kode, nama: r.nama } }));
  const kecamatan = createAreaIndex<NamedRegion>(features("kecamatan"));
  const desaOf = new Map<string, AreaIndex<NamedRegion>>();
  for (const k of rows.filter((r) => r.level === "kecamatan")) desaOf.set(k.kode, createAreaIndex<NamedRegion>(features("desa", k.kode)));

  return (lat, lng) => {
    const k = kecamatan.locate([lng, lat]);
    const d = k && desaOf.get(k.kode)?.locate([lng, lat]);
    return k && d ? { kecamatan: k, desa: d } : null;
  };
}
