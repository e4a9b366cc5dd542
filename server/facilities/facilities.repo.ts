import { randomUUID } from "node:crypto";
import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { FacilityListQuery, FacilityType, PublicFacilitiesQuery } from "@contract/facilities.ts";

/** The facilities table: written here only (see migrations/0022-facilities.ts). */

export interface FacilityRow {
  id: string;
  type: FacilityType;
  name: string;
  address: string | null;
  contact: string | null;
  lng: number;
  lat: number;
  kecamatan_kode: string;
  kecamatan_nama: string;
  desa_kode: string | null;
  desa_nama: string | null;
  outside_meters: number;
  photo_updated_at: Date | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A facility ready to store: fields checked, kecamatan and desa assigned from its point. */
export interface NewFacility {
  type: FacilityType;
  name: string;
  address: string | null;
  contact: string | null;
  lat: number;
  lng: number;
  kecamatanKode: string;
  desaKode: string | null;
  outsideMeters: number;
  active: boolean;
}

const SELECT = `
  SELECT f.id, f.type, f.name, f.address, f.contact, ST_X(f.location) AS lng, ST_Y(f.location) AS lat,
         f.kecamatan_kode, k.nama AS kecamatan_nama, f.desa_kode, d.nama AS desa_nama, f.outside_meters,
         f.photo_updated_at, f.active, f.version, f.created_at, f.updated_at
  FROM facilities f
  JOIN regions k ON k.kode = f.kecamatan_kode
  LEFT JOIN regions d ON d.kode = f.desa_kode`;

/** `LIKE` pattern of a search text that matches it literally anywhere. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listFacilities(db: Sequelize, q: FacilityListQuery): Promise<{ rows: FacilityRow[]; total: number }> {
  const rows = await db.query<FacilityRow & { total: string }>(
    `${SELECT.replace("f.updated_at", "f.updated_at, count(*) OVER () AS total")}
     WHERE (CAST(:type AS text) IS NULL OR f.type = :type)
       AND (CAST(:kecamatan AS text) IS NULL OR f.kecamatan_kode = :kecamatan)
       AND (CAST(:active AS boolean) IS NULL OR f.active = :active)
       AND (CAST(:q AS text) IS NULL OR f.name ILIKE :q OR f.address ILIKE :q OR f.contact ILIKE :q)
     ORDER BY f.kecamatan_kode, f.type, lower(f.name), f.id
     LIMIT :limit OFFSET :offset`,
    {
      replacements: { type: q.type ?? null, kecamatan: q.kecamatan ?? null, active: q.active ?? null, q: q.q ? containing(q.q) : null, limit: q.limit, offset: q.offset },
      type: QueryTypes.SELECT,
    },
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** One facility; `lock` holds it until the transaction ends (an edit reads, checks the version, writes). */
export async function getFacility(db: Sequelize, id: string, transaction?: Transaction, lock = false): Promise<FacilityRow | undefined> {
  const [row] = await db.query<FacilityRow>(`${SELECT} WHERE f.id = :id${lock ? " FOR UPDATE OF f" : ""}`, {
    replacements: { id },
    type: QueryTypes.SELECT,
    transaction,
  });
  return row;
}

/** Insert facilities in one statement (a CSV import is one insert, one commit); their ids, in input order. */
export async function insertFacilities(db: Sequelize, items: NewFacility[], createdBy: string | null, transaction: Transaction): Promise<string[]> {
  if (!items.length) return [];
  // Ids made here, so each row's id is known without relying on the order RETURNING answers in. The rows
  // go as one JSON parameter: 5,000 rows would be 55,000 replacements otherwise.
  const rows = items.map((f) => ({ ...f, id: randomUUID() }));
  await db.query(
    `INSERT INTO facilities (id, type, name, address, contact, location, kecamatan_kode, desa_kode, outside_meters, active, created_by)
     SELECT r.id, r.type, r.name, r.address, r.contact, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326), r."kecamatanKode", r."desaKode",
            r."outsideMeters", r.active, CAST(:createdBy AS uuid)
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r (id uuid, type text, name text, address text, contact text, lng float8, lat float8,
                                                         "kecamatanKode" text, "desaKode" text, "outsideMeters" integer, active boolean)`,
    { replacements: { rows: JSON.stringify(rows), createdBy }, transaction },
  );
  return rows.map((r) => r.id);
}

/** The stored fields of an edit: all of them, as merged by the service. */
export async function updateFacility(db: Sequelize, id: string, f: NewFacility, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE facilities SET type = :type, name = :name, address = :address, contact = :contact,
            location = ST_SetSRID(ST_MakePoint(:lng, :lat), 4326), kecamatan_kode = :kecamatanKode, desa_kode = :desaKode,
            outside_meters = :outsideMeters, active = :active, version = version + 1, updated_at = now()
     WHERE id = :id`,
    { replacements: { ...f, id }, transaction },
  );
}

export async function setFacilityPhoto(db: Sequelize, id: string, size: { width: number; height: number }, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE facilities SET photo_width = :width, photo_height = :height, photo_updated_at = now(), version = version + 1, updated_at = now() WHERE id = :id`,
    { replacements: { id, ...size }, transaction },
  );
}

export async function deleteFacility(db: Sequelize, id: string, transaction: Transaction): Promise<void> {
  await db.query(`DELETE FROM facilities WHERE id = :id`, { replacements: { id }, transaction });
}

/** Every facility name (lower case): the demo seed adds only those not there yet. */
export async function getFacilityNames(db: Sequelize): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>(`SELECT lower(name) AS name FROM facilities`, { type: QueryTypes.SELECT });
  return new Set(rows.map((r) => r.name));
}

/** Active facilities for the public layer, by kecamatan, type and name; the bbox uses the GiST index. */
export async function listActiveFacilities(db: Sequelize, q: PublicFacilitiesQuery): Promise<FacilityRow[]> {
  const [minLng, minLat, maxLng, maxLat] = q.bbox ?? [null, null, null, null];
  return db.query<FacilityRow>(
    `${SELECT}
     WHERE f.active
       AND (CAST(:type AS text) IS NULL OR f.type = :type)
       AND (CAST(:kecamatan AS text) IS NULL OR f.kecamatan_kode = :kecamatan)
       AND (CAST(:minLng AS float8) IS NULL OR f.location && ST_MakeEnvelope(:minLng, :minLat, :maxLng, :maxLat, 4326))
     ORDER BY f.kecamatan_kode, f.type, lower(f.name), f.id`,
    { replacements: { type: q.type ?? null, kecamatan: q.kecamatan ?? null, minLng, minLat, maxLng, maxLat }, type: QueryTypes.SELECT },
  );
}

/** True when an active facility has this photo (the public may see it). */
export async function hasPublicPhoto(db: Sequelize, id: string): Promise<boolean> {
  const [row] = await db.query<{ id: string }>(`SELECT id FROM facilities WHERE id = :id AND active AND photo_updated_at IS NOT NULL`, {
    replacements: { id },
    type: QueryTypes.SELECT,
  });
  return !!row;
}

/**
 * For each candidate row, the nearest stored facility (active or not) of its type and name (compared as
 * `sameName` does) within `radiusM` metres, if any. One statement for the whole file; the GiST index
 * answers the box test, the spheroid distance then keeps those truly within the radius.
 */
export async function findStoredNamesakes(
  db: Sequelize,
  rows: { line: number; type: string; name: string; lat: number; lng: number }[],
  radiusM: number,
): Promise<{ line: number; id: string; name: string; distance_m: number }[]> {
  if (!rows.length) return [];
  return db.query(
    `SELECT DISTINCT ON (r.line) r.line, f.id, f.name, round(ST_Distance(f.location::geography, p.pt::geography))::int AS distance_m
     FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r (line integer, type text, name text, lat float8, lng float8)
     CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326) AS pt) p
     JOIN facilities f
       ON f.type = r.type
      AND f.location && ST_Expand(p.pt, :radius / 111000.0 * 1.1)
      AND ST_DWithin(f.location::geography, p.pt::geography, :radius)
      AND regexp_replace(lower(btrim(f.name)), '\\s+', ' ', 'g') = regexp_replace(lower(btrim(r.name)), '\\s+', ' ', 'g')
     ORDER BY r.line, ST_Distance(f.location::geography, p.pt::geography), f.id`,
    { replacements: { rows: JSON.stringify(rows), radius: radiusM }, type: QueryTypes.SELECT },
  );
}
