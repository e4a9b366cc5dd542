import { QueryTypes, type Sequelize } from "sequelize";

/**
 * Verified, ordinary (not rahasia) situation reports of the last `days` days that were never published:
 * the demo publishes some, round-robin over the kecamatan so every part of the public map has a few.
 */
export async function publishableDemoReports(db: Sequelize, days: number, perKecamatan: number): Promise<{ id: string; version: number }[]> {
  const rows = await db.query<{ id: string; version: number }>(
    `SELECT id, version FROM (
       SELECT r.id, r.version, row_number() OVER (PARTITION BY r.kecamatan_kode ORDER BY r.received_at DESC) AS n
       FROM reports r
       WHERE r.kind = 'situation' AND r.status = 'verified' AND r.classification = 'biasa' AND r.bidang IS NOT NULL
         AND r.received_at > now() - make_interval(days => :days)
         AND NOT EXISTS (SELECT 1 FROM published_reports p WHERE p.report_id = r.id)
     ) x WHERE n <= :perKecamatan`,
    { replacements: { days, perKecamatan }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ id: r.id, version: Number(r.version) }));
}
