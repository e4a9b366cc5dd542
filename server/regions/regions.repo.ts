import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { RegionLevel } from "@contract/regions.ts";

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

export interface LocatedRow {
  i: number;
  kecamatan_kode: string | null;
  kecamatan_nama: string | null;
  desa_kode: string | null;
  desa_nama: string | null;
}

/** Point-in-polygon for many points in one round trip (intake batches); misses come back as nulls. */
export async function locateMany(db: Sequelize, points: { lat: number; lng: number }[], transaction?: Transaction): Promise<LocatedRow[]> {
  if (!points.length) return [];
  return db.query<LocatedRow>(
    `SELECT p.i::int AS i, k.kode AS kecamatan_kode, k.nama AS kecamatan_nama, d.kode AS desa_kode, d.nama AS desa_nama
     FROM jsonb_to_recordset($1::jsonb) AS p(lat float8, lng float8, i int)
     CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326) AS pt) q
     LEFT JOIN LATERAL (SELECT kode, nama FROM regions WHERE level = 'kecamatan' AND ST_Contains(geom, q.pt) LIMIT 1) k ON true
     LEFT JOIN LATERAL (SELECT kode, nama FROM regions WHERE level = 'desa' AND parent_kode = k.kode AND ST_Contains(geom, q.pt) LIMIT 1) d ON true
     ORDER BY p.i`,
    { bind: [JSON.stringify(points.map((p, i) => ({ lat: p.lat, lng: p.lng, i })))], type: QueryTypes.SELECT, transaction },
  );
}

/** All regions of a level as one GeoJSON FeatureCollection, built by PostGIS. */
export async function getRegionsGeoJson(db: Sequelize, level: RegionLevel): Promise<unknown> {
  const [row] = await db.query<{ fc: unknown }>(
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
  return row?.fc;
}

/** Kecamatan codes and names, for lookups and validation. */
export async function getKecamatanList(db: Sequelize): Promise<{ kode: string; nama: string }[]> {
  return db.query(`SELECT kode, nama FROM regions WHERE level = 'kecamatan' ORDER BY kode`, {
    type: QueryTypes.SELECT,
  });
}
