import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { RegionCollection, RegionLevel } from "@contract/regions.ts";

export interface RegionRow {
  level: RegionLevel;
  kode: string;
  nama: string;
}

const POINT = "ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)";

/** The kecamatan and desa whose polygons contain the point (GiST index on geom). */
export async function getRegionsContaining(db: Sequelize, lat: number, lng: number): Promise<RegionRow[]> {
  return db.query<RegionRow>(
    `SELECT level, kode, nama FROM regions
     WHERE level IN ('kecamatan', 'desa') AND ST_Contains(geom, ${POINT})`,
    { replacements: { lat, lng }, type: QueryTypes.SELECT },
  );
}

/**
 * The nearest region of a level within `maxMeters` of the point, with its distance, or undefined.
 * Used for points in the slivers simplified boundaries leave, and just outside the border.
 */
export async function getNearestRegion(
  db: Sequelize,
  level: RegionLevel,
  lat: number,
  lng: number,
  maxMeters: number,
  parentKode?: string,
): Promise<(RegionRow & { meters: number }) | undefined> {
  const rows = await db.query<RegionRow & { meters: number }>(
    `SELECT level, kode, nama, ST_Distance(geom::geography, ${POINT}::geography) AS meters
     FROM regions
     WHERE level = :level AND (CAST(:parent AS text) IS NULL OR parent_kode = :parent)
       AND geom && ST_Expand(${POINT}, :maxDegrees)
       AND ST_DWithin(geom::geography, ${POINT}::geography, :maxMeters)
     ORDER BY meters LIMIT 1`,
    {
      // Bounding-box prefilter on the GiST index before the exact geography distance. Near the equator a
      // degree is ~111 km in both directions; the margin keeps the box a superset of the circle.
      replacements: { lat, lng, level, maxMeters, maxDegrees: (maxMeters / 111_000) * 1.2, parent: parentKode ?? null },
      type: QueryTypes.SELECT,
    },
  );
  return rows[0];
}

/** All regions of a level as one GeoJSON FeatureCollection, built by PostGIS. */
export async function getRegionsGeoJson(db: Sequelize, level: RegionLevel): Promise<RegionCollection> {
  const [row] = await db.query<{ fc: RegionCollection }>(
    `SELECT json_build_object(
       'type', 'FeatureCollection',
       'features', COALESCE(json_agg(json_build_object(
         'type', 'Feature',
         'id', kode,
         'properties', json_build_object(
           'kode', kode, 'nama', nama, 'level', level, 'parent', parent_kode,
           'label', json_build_array(round(ST_X(label_point)::numeric, 6), round(ST_Y(label_point)::numeric, 6))),
         'geometry', ST_AsGeoJSON(geom, 6)::json) ORDER BY kode), '[]'::json)) AS fc
     FROM regions WHERE level = :level`,
    { replacements: { level }, type: QueryTypes.SELECT },
  );
  // One row always: json_agg over no rows is coalesced to an empty list.
  return row!.fc;
}

/** Kecamatan codes and names, for lookups and validation. */
export async function getKecamatanList(db: Sequelize): Promise<{ kode: string; nama: string }[]> {
  return db.query(`SELECT kode, nama FROM regions WHERE level = 'kecamatan' ORDER BY kode`, {
    type: QueryTypes.SELECT,
  });
}

export interface RegionShapeRow extends RegionRow {
  parent_kode: string | null;
  /** GeoJSON geometry at full precision (the map's collections are rounded to 6 decimals). */
  geometry: unknown;
}

/** Every kecamatan and desa polygon, for the in-memory locator. */
export async function getRegionShapes(db: Sequelize): Promise<RegionShapeRow[]> {
  return db.query<RegionShapeRow>(
    `SELECT level, kode, nama, parent_kode, ST_AsGeoJSON(geom)::json AS geometry
     FROM regions WHERE level IN ('kecamatan', 'desa') ORDER BY kode`,
    { type: QueryTypes.SELECT },
  );
}
