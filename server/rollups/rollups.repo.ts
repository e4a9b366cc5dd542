import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The rollup tables' one writer (see migration 0014): day rows from the raw reports, and every coarser
 * row from the rows below it (week and month from days, quarter from months). Each rebuild deletes and
 * inserts the rows of whole periods (or of some kecamatan in them) under one advisory lock, so two
 * rebuilds of the same period (the nightly job and the incremental one, or two nodes) take turns instead
 * of both inserting.
 */

/** Any constant: serialises writers of the rollup tables. */
const ROLLUP_LOCK_KEY = 7_300_501;
/** Statuses a report reaches only through verification: their time-to-verify is counted. */
const VERIFIED_STATUSES = "'verified', 'published'";
/** Bucket of a duration in seconds (see migration 0014): quarter-octaves from one minute. */
const BUCKET_SQL = (seconds: string) => `CASE WHEN ${seconds} < 60 THEN 0 ELSE 1 + floor(4 * log(2, (${seconds}) / 60.0))::int END`;

const daysParam = (days: string[]) => `{${days.join(",")}}`;

/**
 * Take the rollup writers' lock for this transaction, and settings that suit its statements: room to
 * aggregate a quarter in memory, and no JIT, whose compiling costs more than these statements save.
 */
export async function lockRollups(db: Sequelize, transaction: Transaction): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}) AS locked`, { type: QueryTypes.SELECT, transaction });
  await db.query(`SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`, { transaction });
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

/** A coarser period to rebuild: its first day, the first day after it, and for which kecamatan (null: all). */
export interface ParentPeriod {
  start: string;
  end: string;
  kecamatan: string[] | null;
}

/**
 * The rows of these coarser periods, all of one kind, recomputed from the rows of the level below in one
 * statement per table; returns rows written. The level below must be current: callers rebuild days
 * first, and months before quarters.
 */
export async function rebuildFromChildren(db: Sequelize, kind: ParentKind, periods: ParentPeriod[], transaction: Transaction): Promise<number> {
  if (!periods.length) return 0;
  const replacements = {
    kind,
    child: CHILD_OF[kind],
    periods: JSON.stringify(periods),
    starts: daysParam(periods.map((p) => p.start)),
    // Constant bounds, so the planner reads the key's index over the range instead of guessing at the recordset.
    from: periods.map((p) => p.start).sort()[0],
    to: periods.map((p) => p.end).sort()[periods.length - 1],
  };
  const parents = `parents AS (SELECT * FROM jsonb_to_recordset(CAST(:periods AS jsonb)) AS p(start date, "end" date, kecamatan text[]))`;
  const forParent = (t: string) => `(p.kecamatan IS NULL OR ${t}.kecamatan_kode = ANY (p.kecamatan))`;
  await db.query(
    `WITH ${parents} DELETE FROM rollup_counts c USING parents p
       WHERE c.period_kind = :kind AND c.period_start = ANY (CAST(:starts AS date[])) AND c.period_start = p.start AND ${forParent("c")};
     WITH ${parents} DELETE FROM rollup_verify_hist h USING parents p
       WHERE h.period_kind = :kind AND h.period_start = ANY (CAST(:starts AS date[])) AND h.period_start = p.start
         AND ((${forParent("h")} AND h.bidang <> '*') OR h.kecamatan_kode = '*' OR h.bidang = '*');`,
    { replacements, transaction },
  );
  const children = (t: string) =>
    `${t}.period_kind = :child AND ${t}.period_start >= CAST(:from AS date) AND ${t}.period_start < CAST(:to AS date)
     AND ${t}.period_start >= p.start AND ${t}.period_start < p."end" AND ${forParent(t)}`;
  const counts = await count(
    db,
    `WITH ${parents}
     INSERT INTO rollup_counts (period_kind, period_start, kecamatan_kode, bidang, kerawanan, status, kind, n)
     SELECT :kind, p.start, c.kecamatan_kode, c.bidang, c.kerawanan, c.status, c.kind, sum(c.n)
     FROM parents p JOIN rollup_counts c ON ${children("c")}
     GROUP BY p.start, c.kecamatan_kode, c.bidang, c.kerawanan, c.status, c.kind`,
    replacements,
    transaction,
  );
  const base = await count(
    db,
    `WITH ${parents}
     INSERT INTO rollup_verify_hist (period_kind, period_start, kecamatan_kode, bidang, bucket, n)
     SELECT :kind, p.start, h.kecamatan_kode, h.bidang, h.bucket, sum(h.n)
     FROM parents p JOIN rollup_verify_hist h ON ${children("h")} AND h.kecamatan_kode <> '*' AND h.bidang <> '*'
     GROUP BY p.start, h.kecamatan_kode, h.bidang, h.bucket`,
    replacements,
    transaction,
  );
  const totals = await count(db, TOTALS_FROM_BASE(":kind", "period_kind = :kind AND period_start = ANY (CAST(:starts AS date[]))"), replacements, transaction);
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
