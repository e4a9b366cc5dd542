import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The rollup tables' one writer (see migration 0014): day rows from the raw reports, and every coarser
 * row from the rows below it (week and month from days, quarter from months). Each rebuild deletes and
 * inserts the rows of whole periods under one advisory lock, so two rebuilds of the same period (the
 * nightly job and the incremental one, or two nodes) take turns instead of both inserting.
 */

/** Any constant: serialises writers of the rollup tables. */
const ROLLUP_LOCK_KEY = 7_300_501;
/** Statuses a report reaches only through verification: their time-to-verify is counted. */
const VERIFIED_STATUSES = "'verified', 'published'";
/** Bucket of a duration in seconds (see migration 0014): quarter-octaves from one minute. */
const BUCKET_SQL = (seconds: string) => `CASE WHEN ${seconds} < 60 THEN 0 ELSE 1 + floor(4 * log(2, (${seconds}) / 60.0))::int END`;

const daysParam = (days: string[]) => `{${days.join(",")}}`;

export function lockRollups(db: Sequelize, transaction: Transaction): Promise<unknown> {
  return db.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}) AS locked`, { type: QueryTypes.SELECT, transaction });
}

async function count(db: Sequelize, sql: string, replacements: Record<string, unknown>, transaction: Transaction): Promise<number> {
  const rows = await db.query<{ n: number }>(`WITH written AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM written`, {
    replacements,
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows[0]?.n ?? 0;
}

/**
 * Which day rows a rebuild replaces: every row of the `whole` days, and the rows of one kecamatan on a
 * day for each `cells` entry (`2026-11-27|63.11.06`). `days` lists every day concerned.
 */
export interface DayCells {
  days: string[];
  whole: string[];
  cells: string[];
}

const cellReplacements = (c: DayCells) => ({ days: daysParam(c.days), whole: daysParam(c.whole), cells: `{${c.cells.map((k) => `"${k}"`).join(",")}}` });

/** The condition for rows in the cells, over a day expression and a kecamatan column: simple when all days are whole. */
function inCells(c: DayCells, day: string, kecamatan: string): string {
  const cell = `to_char(${day}, 'YYYY-MM-DD') || '|' || ${kecamatan} = ANY (CAST(:cells AS text[]))`;
  if (!c.cells.length) return `${day} = ANY (CAST(:whole AS date[]))`;
  if (!c.whole.length) return `${day} = ANY (CAST(:days AS date[])) AND ${cell}`;
  return `${day} = ANY (CAST(:days AS date[])) AND (${day} = ANY (CAST(:whole AS date[])) OR ${cell})`;
}

/** Histogram rows that are totals over kecamatan or bidang ('*'), rebuilt from the rows per kecamatan × bidang. */
const TOTALS_FROM_BASE = (kind: string, where: string) => `
  INSERT INTO rollup_verify_hist (period_kind, period_start, kecamatan_kode, bidang, bucket, n)
  SELECT ${kind}, period_start, CASE WHEN grouping(kecamatan_kode) = 1 THEN '*' ELSE kecamatan_kode END,
         CASE WHEN grouping(bidang) = 1 THEN '*' ELSE bidang END, bucket, sum(n)
  FROM rollup_verify_hist WHERE ${where} AND kecamatan_kode <> '*' AND bidang <> '*'
  GROUP BY GROUPING SETS ((period_start, kecamatan_kode, bucket), (period_start, bidang, bucket), (period_start, bucket))`;

/**
 * Day rows of these cells recomputed from the reports, which are read once for both tables; returns
 * rows written.
 */
export async function rebuildDayCells(db: Sequelize, c: DayCells, transaction: Transaction): Promise<number> {
  const replacements = cellReplacements(c);
  const rowInCells = `period_kind = 'day' AND ${inCells(c, "period_start", "kecamatan_kode")}`;
  await db.query(
    `DELETE FROM rollup_counts WHERE ${rowInCells};
     DELETE FROM rollup_verify_hist WHERE ${rowInCells} AND bidang <> '*';
     DELETE FROM rollup_verify_hist WHERE period_kind = 'day' AND period_start = ANY (CAST(:days AS date[])) AND (kecamatan_kode = '*' OR bidang = '*');`,
    { replacements, transaction },
  );
  const day = "rollup_day(r.kind, r.period, r.occurred_at)";
  const [written] = await db.query<{ n: number }>(
    `WITH cell_reports AS MATERIALIZED (
       SELECT ${day} AS day, r.id, r.kecamatan_kode, r.bidang, r.kerawanan, r.status, r.kind, r.received_at
       FROM reports r WHERE ${inCells(c, day, "r.kecamatan_kode")}
     ), counts AS (
       INSERT INTO rollup_counts (period_kind, period_start, kecamatan_kode, bidang, kerawanan, status, kind, n)
       SELECT 'day', day, kecamatan_kode, coalesce(bidang, ''), kerawanan, status, kind, count(*)
       FROM cell_reports GROUP BY 2, 3, 4, 5, 6, 7
       RETURNING 1
     ), base AS (
       INSERT INTO rollup_verify_hist (period_kind, period_start, kecamatan_kode, bidang, bucket, n)
       SELECT 'day', r.day, r.kecamatan_kode, r.bidang, ${BUCKET_SQL("extract(epoch FROM v.at - r.received_at)")}, count(*)
       FROM cell_reports r
       CROSS JOIN LATERAL (SELECT min(e.at) AS at FROM report_events e WHERE e.report_id = r.id AND e.to_status = 'verified') v
       WHERE r.kind = 'situation' AND r.status IN (${VERIFIED_STATUSES}) AND v.at IS NOT NULL
       GROUP BY 2, 3, 4, 5
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM counts)::int + (SELECT count(*) FROM base)::int AS n`,
    { replacements, type: QueryTypes.SELECT, transaction },
  );
  const totals = await count(db, TOTALS_FROM_BASE("'day'", "period_kind = 'day' AND period_start = ANY (CAST(:days AS date[]))"), replacements, transaction);
  return (written?.n ?? 0) + totals;
}

/** What a coarser period is built from: weeks and months from days, quarters from months. */
const CHILD_OF = { week: "day", month: "day", quarter: "month" } as const;
export type ParentKind = keyof typeof CHILD_OF;

/**
 * The rows of one coarser period (its first day `start`, and the first day after it `end`) recomputed
 * from the rows of the level below, for these kecamatan (null: all); returns rows written. The level
 * below must be current: callers rebuild days first, and months before quarters.
 */
export async function rebuildFromChildren(
  db: Sequelize,
  kind: ParentKind,
  period: { start: string; end: string; kecamatan: string[] | null },
  transaction: Transaction,
): Promise<number> {
  const replacements = { kind, child: CHILD_OF[kind], start: period.start, end: period.end, kecamatan: period.kecamatan ? `{${period.kecamatan.join(",")}}` : null };
  const inKecamatan = `(CAST(:kecamatan AS text[]) IS NULL OR kecamatan_kode = ANY (CAST(:kecamatan AS text[])))`;
  const own = `period_kind = :kind AND period_start = CAST(:start AS date)`;
  await db.query(
    `DELETE FROM rollup_counts WHERE ${own} AND ${inKecamatan};
     DELETE FROM rollup_verify_hist WHERE ${own} AND ((${inKecamatan} AND bidang <> '*') OR kecamatan_kode = '*' OR bidang = '*');`,
    { replacements, transaction },
  );
  const children = `period_kind = :child AND period_start >= CAST(:start AS date) AND period_start < CAST(:end AS date) AND ${inKecamatan}`;
  const counts = await count(
    db,
    `INSERT INTO rollup_counts (period_kind, period_start, kecamatan_kode, bidang, kerawanan, status, kind, n)
     SELECT :kind, CAST(:start AS date), kecamatan_kode, bidang, kerawanan, status, kind, sum(n)
     FROM rollup_counts WHERE ${children}
     GROUP BY kecamatan_kode, bidang, kerawanan, status, kind`,
    replacements,
    transaction,
  );
  const base = await count(
    db,
    `INSERT INTO rollup_verify_hist (period_kind, period_start, kecamatan_kode, bidang, bucket, n)
     SELECT :kind, CAST(:start AS date), kecamatan_kode, bidang, bucket, sum(n)
     FROM rollup_verify_hist WHERE ${children} AND kecamatan_kode <> '*' AND bidang <> '*'
     GROUP BY kecamatan_kode, bidang, bucket`,
    replacements,
    transaction,
  );
  const totals = await count(db, TOTALS_FROM_BASE(":kind", own), replacements, transaction);
  return counts + base + totals;
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
