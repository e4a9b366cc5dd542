import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/** The span of situation reports that happened: where a measurement can run. */
export async function situationSpan(db: Sequelize): Promise<{ first: Date | null; last: Date | null }> {
  const [row] = await db.query<{ first: Date | null; last: Date | null }>(
    `SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM reports WHERE kind = 'situation'`,
    { type: QueryTypes.SELECT },
  );
  return row ?? { first: null, last: null };
}

/**
 * Whether a real event stands behind a kecamatan × bidang in (from, to]: an incident of at least
 * `minReports` reports (the demo's hotspots become such incidents) with a report of that kecamatan and
 * bidang that happened in the window.
 */
export async function eventBehind(
  db: Sequelize,
  w: { kecamatan: string; bidang: string; from: string; to: string; minReports: number },
  transaction?: Transaction,
): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM reports r JOIN incident_reports ir ON ir.report_id = r.id
       WHERE r.kecamatan_kode = :kecamatan AND r.bidang = :bidang AND r.occurred_at > :from AND r.occurred_at <= :to
         AND (SELECT count(*) FROM incident_reports m WHERE m.incident_id = ir.incident_id) >= :minReports
     ) AS found`,
    { replacements: w, type: QueryTypes.SELECT, transaction },
  );
  return row?.found === true;
}

export async function kecamatanCount(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE level = 'kecamatan'`, { type: QueryTypes.SELECT });
  return row?.n ?? 0;
}
