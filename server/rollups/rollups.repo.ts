import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The rollups' bookkeeping: the lock their writers share, the incremental rollup's watermark, and which
 * cells the change log says moved. The rows themselves are written in rollup-rebuild.repo.ts.
 */

/** Any constant: serialises writers of the rollup tables. */
const ROLLUP_LOCK_KEY = 7_300_501;

/**
 * Take the rollup writers' lock for this transaction, and settings that suit its statements: room to
 * aggregate a quarter in memory, and no JIT, whose compiling costs more than these statements save.
 */
export async function lockRollups(db: Sequelize, transaction: Transaction): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}) AS locked`, { type: QueryTypes.SELECT, transaction });
  await db.query(`SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`, { transaction });
}

/** The change-log seq the incremental rollup has taken in (0 before its first run). */
export async function getRollupWatermark(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ seq: number }>(`SELECT seq FROM rollup_watermark WHERE name = 'reports'`, { type: QueryTypes.SELECT });
  return Number(row?.seq ?? 0);
}

export async function setRollupWatermark(db: Sequelize, seq: number, transaction: Transaction): Promise<void> {
  await db.query(
    `INSERT INTO rollup_watermark (name, seq) VALUES ('reports', :seq) ON CONFLICT (name) DO UPDATE SET seq = GREATEST(rollup_watermark.seq, EXCLUDED.seq)`,
    { replacements: { seq }, transaction },
  );
}

/**
 * The cells whose rows the reports changed after seq `after` (up to `upTo`) may have moved: each report's
 * day and kecamatan. A report sent again (revision > 1) may have moved day or kecamatan: then every day
 * it counted on, by any revision, is rebuilt whole (`kecamatan` null). With how many reports changed.
 */
export async function getCellsChangedSince(db: Sequelize, after: number, upTo: number): Promise<{ cells: { day: string; kecamatan: string | null }[]; reports: number }> {
  const replacements = { after, upTo };
  const changed = `SELECT DISTINCT entity_id AS id FROM changes WHERE seq > :after AND seq <= :upTo AND entity = 'report'`;
  const cells = await db.query<{ day: string; kecamatan: string | null }>(
    `WITH changed AS (${changed}), cells AS (
       SELECT rollup_day(r.kind, r.period, r.occurred_at) AS day, CASE WHEN r.revision > 1 THEN NULL ELSE r.kecamatan_kode END AS kecamatan
       FROM reports r JOIN changed c ON c.id = r.id
       UNION
       SELECT rollup_day(r.kind, r.period, CAST(v.payload ->> 'occurredAt' AS timestamptz)), NULL
       FROM report_revisions v JOIN changed c ON c.id = v.report_id JOIN reports r ON r.id = v.report_id
       WHERE r.revision > 1 AND r.kind = 'situation'
     )
     SELECT to_char(day, 'YYYY-MM-DD') AS day, kecamatan FROM cells WHERE day IS NOT NULL`,
    { replacements, type: QueryTypes.SELECT },
  );
  const [counted] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${changed}) c`, { replacements, type: QueryTypes.SELECT });
  return { cells, reports: counted?.n ?? 0 };
}

/** The last seq of the change log now. */
export async function getLastChangeSeq(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM changes`, { type: QueryTypes.SELECT });
  return Number(row?.seq ?? 0);
}
