import { QueryTypes, type Sequelize } from "sequelize";
import type { Bidang, Kerawanan } from "@contract/reports.ts";

/**
 * Reads for the public map: current publications (never `reports`) as points, and counted per kecamatan.
 * Both take the same filter, so the dots and the summary beside them always agree.
 */

export interface PublicMapFilter {
  kecamatan?: string;
  bidang?: Bidang;
  from?: string;
  to?: string;
}

export interface PublicPointRow {
  report_id: string;
  title: string;
  bidang: Bidang;
  kerawanan: Kerawanan;
  day: string;
  kecamatan_kode: string;
  lng: number;
  lat: number;
}

const FILTER = `
  p.unpublished_at IS NULL
  AND (CAST(:kecamatan AS text) IS NULL OR p.kecamatan_kode = :kecamatan)
  AND (CAST(:bidang AS text) IS NULL OR p.bidang = :bidang)
  AND (CAST(:from AS date) IS NULL OR p.day >= CAST(:from AS date))
  AND (CAST(:to AS date) IS NULL OR p.day <= CAST(:to AS date))`;

const replacementsOf = (f: PublicMapFilter) => ({ kecamatan: f.kecamatan ?? null, bidang: f.bidang ?? null, from: f.from ?? null, to: f.to ?? null });

/** The newest `limit` matching publications as points (the list's order: latest day, then latest published). */
export async function listPublicPoints(db: Sequelize, f: PublicMapFilter, limit: number): Promise<PublicPointRow[]> {
  return db.query<PublicPointRow>(
    `SELECT p.report_id, p.title, p.bidang, p.kerawanan, to_char(p.day, 'YYYY-MM-DD') AS day, p.kecamatan_kode,
            ST_X(p.location) AS lng, ST_Y(p.location) AS lat
     FROM published_reports p
     WHERE ${FILTER}
     ORDER BY p.day DESC, p.id DESC
     LIMIT :limit`,
    { replacements: { ...replacementsOf(f), limit }, type: QueryTypes.SELECT },
  );
}

/** Matching publications counted per kecamatan and kerawanan (kecamatan with none are absent). */
export async function countPublicByKecamatan(db: Sequelize, f: PublicMapFilter): Promise<{ kecamatan_kode: string; kerawanan: Kerawanan; n: number }[]> {
  const rows = await db.query<{ kecamatan_kode: string; kerawanan: Kerawanan; n: string }>(
    `SELECT p.kecamatan_kode, p.kerawanan, count(*) AS n
     FROM published_reports p
     WHERE ${FILTER}
     GROUP BY p.kecamatan_kode, p.kerawanan`,
    { replacements: replacementsOf(f), type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
