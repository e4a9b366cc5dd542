import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The rollup tables' one writer (see migration 0014): day rows from the raw reports, and every coarser
 * row from the rows below it (week and month from days, quarter from months). Callers hold the rollup
 * lock (rollups.repo.ts lockRollups), so two rebuilds of the same period take turns.
 *
 * Every rebuild computes all the rows of its scope afresh, then writes only the difference: rows whose
 * count changed are updated, new ones inserted, vanished ones deleted, the rest left alone. A recompute
 * of a quarter that is already current reads its reports and writes next to nothing — no dead rows for
 * vacuum, no index churn — and the totals stay exactly what deleting and inserting everything would give.
 *
 * The incremental rollup goes further: the change of each day row (fresh n − stored n) is added to the
 * week, month and quarter rows holding that day in the same statement, instead of adding those periods
 * up again from their days. Counts and histograms add up, so the coarser rows stay the sums of their
 * days as long as every writer keeps them so: the full rebuilds recompute them from the level below,
 * which also repairs them after any run that failed half-way.
 */

/** Statuses a report reaches only through verification: their time-to-verify is counted. */
const VERIFIED_STATUSES = "'verified', 'published'";
/**
 * Bucket of a duration in seconds (see migration 0014): quarter-octaves from one minute. In float8:
 * numeric's log(2, x) costs ~40 µs a row, seconds of a quarter's recompute; float8 gives the same buckets
 * (checked for every whole second up to 1M) for a microsecond.
 */
const BUCKET_SQL = (seconds: string) => `CASE WHEN ${seconds} < 60 THEN 0 ELSE 1 + floor(4 * ln((${seconds}) / 60) / ln(2::float8))::int END`;

const daysParam = (days: string[]) => `{${days.join(",")}}`;

interface RollupTable {
  name: string;
  key: readonly string[];
}
const COUNTS: RollupTable = { name: "rollup_counts", key: ["period_kind", "period_start", "kecamatan_kode", "bidang", "kerawanan", "status", "kind"] };
const HIST: RollupTable = { name: "rollup_verify_hist", key: ["period_kind", "period_start", "kecamatan_kode", "bidang", "bucket"] };

/**
 * CTEs that make the rows of `table` within `scope` (a condition over alias `x`) equal to the rows of
 * the CTE `fresh` (the table's key columns and n), writing only what differs; `gone_<tag>` and
 * `put_<tag>` answer 1 per row written. The differences are set operations (hashed whatever the
 * planner guesses of the CTEs' sizes), so a row left alone costs a hash probe: no write, no row lock.
 * The deleted keys are not in fresh and the upserted ones are, so one statement holds both.
 */
function replaceWith(table: RollupTable, fresh: string, scope: string, tag: string): string {
  const keys = table.key.join(", ");
  const sameKey = table.key.map((k) => `g.${k} = x.${k}`).join(" AND ");
  return `stored_${tag} AS MATERIALIZED (
      SELECT ${keys}, n FROM ${table.name} x WHERE ${scope}
    ), gone_${tag} AS (
      DELETE FROM ${table.name} x USING (SELECT ${keys} FROM stored_${tag} EXCEPT SELECT ${keys} FROM ${fresh}) g
      WHERE ${sameKey} RETURNING 1
    ), put_${tag} AS (
      INSERT INTO ${table.name} AS x (${keys}, n) SELECT ${keys}, n FROM (SELECT ${keys}, n FROM ${fresh} EXCEPT SELECT ${keys}, n FROM stored_${tag}) c
      ON CONFLICT (${keys}) DO UPDATE SET n = EXCLUDED.n RETURNING 1
    )`;
}
const written = (tags: string[]) => tags.map((t) => `(SELECT count(*) FROM gone_${t})::int + (SELECT count(*) FROM put_${t})::int`).join(" + ");

/** Coarser periods a day row's change is added to: the ISO week (Monday), month and quarter holding it. */
const PARENT_KINDS = ["week", "month", "quarter"] as const;

/**
 * CTEs that add the change of the day rows (`fresh` minus `stored`, as in replaceWith) to the rows of the
 * week, month and quarter holding each day: a row whose sum comes to 0 is deleted, as a rebuild from the
 * days would not have it. `:parentStarts` lists those periods' first days, to keep the lookups to them.
 * `zero_<tag>` and `bump_<tag>` answer 1 per row written.
 */
function addToParents(table: RollupTable, fresh: string, stored: string, tag: string): string {
  const dims = table.key.filter((k) => k !== "period_kind" && k !== "period_start");
  const keys = table.key.join(", ");
  const sameKey = (a: string, b: string) => table.key.map((k) => `${a}.${k} = ${b}.${k}`).join(" AND ");
  const groupAll = [1, 2, ...dims.map((_, i) => i + 3)].join(", ");
  // The day rows' changes first (usually a handful), then each spread to its three coarser periods.
  return `delta_${tag} AS MATERIALIZED (
      SELECT k.kind AS period_kind, date_trunc(k.kind, d.period_start::timestamp)::date AS period_start, ${dims.map((c) => `d.${c}`).join(", ")}, sum(d.dn)::int AS dn
      FROM (
        SELECT period_start, ${dims.join(", ")}, sum(n) AS dn
        FROM (SELECT period_start, ${dims.join(", ")}, n FROM ${fresh} UNION ALL SELECT period_start, ${dims.join(", ")}, -n FROM ${stored}) u
        GROUP BY ${[1, ...dims.map((_, i) => i + 2)].join(", ")} HAVING sum(n) <> 0
      ) d
      CROSS JOIN (VALUES ${PARENT_KINDS.map((k) => `('${k}')`).join(", ")}) AS k(kind)
      GROUP BY ${groupAll} HAVING sum(d.dn) <> 0
    ), next_${tag} AS MATERIALIZED (
      SELECT ${table.key.map((k) => `d.${k}`).join(", ")}, coalesce(x.n, 0) + d.dn AS n
      FROM delta_${tag} d LEFT JOIN ${table.name} x
        ON x.period_kind IN (${PARENT_KINDS.map((k) => `'${k}'`).join(", ")}) AND x.period_start = ANY (CAST(:parentStarts AS date[])) AND ${sameKey("x", "d")}
    ), zero_${tag} AS (
      DELETE FROM ${table.name} x USING next_${tag} g WHERE g.n = 0 AND ${sameKey("g", "x")} RETURNING 1
    ), bump_${tag} AS (
      INSERT INTO ${table.name} AS x (${keys}, n) SELECT ${keys}, n FROM next_${tag} WHERE n <> 0
      ON CONFLICT (${keys}) DO UPDATE SET n = EXCLUDED.n RETURNING 1
    )`;
}
const added = (tags: string[]) => tags.map((t) => `(SELECT count(*) FROM zero_${t})::int + (SELECT count(*) FROM bump_${t})::int`).join(" + ");

/** Histogram totals over kecamatan or bidang ('*') of the base rows (per kecamatan × bidang) in `from`. */
const TOTALS_OF = (from: string) => `
  SELECT period_kind, period_start, CASE WHEN grouping(kecamatan_kode) = 1 THEN '*' ELSE kecamatan_kode END AS kecamatan_kode,
         CASE WHEN grouping(bidang) = 1 THEN '*' ELSE bidang END AS bidang, bucket, sum(n)::int AS n
  FROM ${from} b
  GROUP BY GROUPING SETS ((period_kind, period_start, kecamatan_kode, bucket), (period_kind, period_start, bidang, bucket), (period_kind, period_start, bucket))`;

/**
 * Which day rows a rebuild replaces: every row of the `whole` days, and the rows of one kecamatan on a
 * day for each `cells` entry (`2026-11-27|63.11.06`). `days` lists every day concerned.
 */
export interface DayCells {
  days: string[];
  whole: string[];
  cells: string[];
}

const cellReplacements = (c: DayCells, parentStarts: string[]) => ({
  days: daysParam(c.days),
  whole: daysParam(c.whole),
  cells: `{${c.cells.map((k) => `"${k}"`).join(",")}}`,
  parentStarts: daysParam(parentStarts),
});

/** The condition for rows in the cells, over a day expression and a kecamatan column: simple when all days are whole. */
function inCells(c: DayCells, day: string, kecamatan: string): string {
  const cell = `to_char(${day}, 'YYYY-MM-DD') || '|' || ${kecamatan} = ANY (CAST(:cells AS text[]))`;
  if (!c.cells.length) return `${day} = ANY (CAST(:whole AS date[]))`;
  if (!c.whole.length) return `${day} = ANY (CAST(:days AS date[])) AND ${cell}`;
  return `${day} = ANY (CAST(:days AS date[])) AND (${day} = ANY (CAST(:whole AS date[])) OR ${cell})`;
}

/**
 * The reports of the cells, read once for both tables: whole days by the day, and each day × kecamatan
 * cell by both (the index on `rollup_day(…), kecamatan_kode`, migration 0017), so a late report rebuilds
 * its own kecamatan's day without reading the other kecamatan's reports of that day.
 */
function cellReportsCte(c: DayCells): string {
  const day = "rollup_day(r.kind, r.period, r.occurred_at)";
  const columns = `${day} AS day, r.kecamatan_kode, r.bidang, r.kerawanan, r.status, r.kind, r.received_at, r.first_verified_at`;
  const parts: string[] = [];
  if (c.whole.length) parts.push(`SELECT ${columns} FROM reports r WHERE ${day} = ANY (CAST(:whole AS date[]))`);
  if (c.cells.length)
    parts.push(`SELECT ${columns} FROM (SELECT CAST(split_part(cell, '|', 1) AS date) AS day, split_part(cell, '|', 2) AS kecamatan_kode FROM unnest(CAST(:cells AS text[])) AS cell) c
      JOIN reports r ON ${day} = c.day AND r.kecamatan_kode = c.kecamatan_kode`);
  return `cell_reports AS MATERIALIZED (${parts.join(" UNION ALL ")})`;
}

/**
 * Day rows of these cells recomputed from the reports, which are read once for both tables; returns
 * rows written. Time-to-verify comes from `reports.first_verified_at` (migration 0017), kept from the
 * event trail by a trigger, so a recompute never reads `report_events`. A day's totals ('*' rows) are
 * rebuilt whole, from its fresh base rows and, for a day rebuilt only in some kecamatan, the others' stored ones.
 * With `parentStarts` (the first days of the weeks, months and quarters holding `c.days`), the day rows'
 * changes are added to those periods too (addToParents); without, the caller rebuilds them from the days.
 */
export async function rebuildDayCells(db: Sequelize, c: DayCells, transaction: Transaction, parentStarts: string[] | null = null): Promise<number> {
  const onDays = `x.period_kind = 'day' AND x.period_start = ANY (CAST(:days AS date[]))`;
  const base = `x.kecamatan_kode <> '*' AND x.bidang <> '*'`;
  const keptBase = c.cells.length
    ? `SELECT period_kind, period_start, kecamatan_kode, bidang, bucket, n FROM rollup_verify_hist x
       WHERE ${onDays} AND ${base} AND NOT (${inCells(c, "x.period_start", "x.kecamatan_kode")})`
    : `SELECT * FROM fresh_base WHERE false`;
  const [row] = await db.query<{ n: number }>(
    `WITH ${cellReportsCte(c)}, fresh_counts AS MATERIALIZED (
       SELECT 'day'::text AS period_kind, day AS period_start, kecamatan_kode, coalesce(bidang, '') AS bidang, kerawanan, status, kind, count(*)::int AS n
       FROM cell_reports GROUP BY 2, 3, 4, 5, 6, 7
     ), fresh_base AS MATERIALIZED (
       SELECT 'day'::text AS period_kind, day AS period_start, kecamatan_kode, bidang,
              ${BUCKET_SQL("extract(epoch FROM first_verified_at - received_at)::float8")} AS bucket, count(*)::int AS n
       FROM cell_reports
       WHERE kind = 'situation' AND status IN (${VERIFIED_STATUSES}) AND first_verified_at IS NOT NULL
       GROUP BY 2, 3, 4, 5
     ), kept_base AS (${keptBase}
     ), fresh_hist AS MATERIALIZED (
       SELECT * FROM fresh_base UNION ALL ${TOTALS_OF("(SELECT * FROM fresh_base UNION ALL SELECT * FROM kept_base)")}
     ),
     ${replaceWith(COUNTS, "fresh_counts", `${onDays} AND ${inCells(c, "x.period_start", "x.kecamatan_kode")}`, "counts")},
     ${replaceWith(HIST, "fresh_hist", `${onDays} AND (NOT (${base}) OR (${inCells(c, "x.period_start", "x.kecamatan_kode")}))`, "hist")}
     ${parentStarts ? `, ${addToParents(COUNTS, "fresh_counts", "stored_counts", "counts")}, ${addToParents(HIST, "fresh_hist", "stored_hist", "hist")}` : ""}
     SELECT ${written(["counts", "hist"])}${parentStarts ? ` + ${added(["counts", "hist"])}` : ""} AS n`,
    { replacements: cellReplacements(c, parentStarts ?? []), type: QueryTypes.SELECT, transaction },
  );
  return row?.n ?? 0;
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
 * first, and months before quarters. Counts and base histogram rows are rebuilt for the periods'
 * kecamatan; totals ('*' rows) whole, as sums of the children's totals (histograms add up).
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
  const children = (t: string) =>
    `${t}.period_kind = :child AND ${t}.period_start >= CAST(:from AS date) AND ${t}.period_start < CAST(:to AS date)
     AND ${t}.period_start >= p.start AND ${t}.period_start < p."end"`;
  const ofParents = (t: string, which: string) =>
    `${t}.period_kind = :kind AND ${t}.period_start = ANY (CAST(:starts AS date[])) AND EXISTS (SELECT 1 FROM parents p WHERE p.start = ${t}.period_start AND ${which})`;
  const isTotal = (t: string) => `(${t}.kecamatan_kode = '*' OR ${t}.bidang = '*')`;
  const [counts] = await db.query<{ n: number }>(
    `WITH ${parents}, fresh AS MATERIALIZED (
       SELECT CAST(:kind AS text) AS period_kind, p.start AS period_start, c.kecamatan_kode, c.bidang, c.kerawanan, c.status, c.kind, sum(c.n)::int AS n
       FROM parents p JOIN rollup_counts c ON ${children("c")} AND ${forParent("c")}
       GROUP BY p.start, c.kecamatan_kode, c.bidang, c.kerawanan, c.status, c.kind
     ), ${replaceWith(COUNTS, "fresh", ofParents("x", forParent("x")), "counts")}
     SELECT ${written(["counts"])} AS n`,
    { replacements, type: QueryTypes.SELECT, transaction },
  );
  const [hist] = await db.query<{ n: number }>(
    `WITH ${parents}, fresh AS MATERIALIZED (
       SELECT CAST(:kind AS text) AS period_kind, p.start AS period_start, h.kecamatan_kode, h.bidang, h.bucket, sum(h.n)::int AS n
       FROM parents p JOIN rollup_verify_hist h ON ${children("h")} AND (${isTotal("h")} OR ${forParent("h")})
       GROUP BY p.start, h.kecamatan_kode, h.bidang, h.bucket
     ), ${replaceWith(HIST, "fresh", ofParents("x", `(${isTotal("x")} OR ${forParent("x")})`), "hist")}
     SELECT ${written(["hist"])} AS n`,
    { replacements, type: QueryTypes.SELECT, transaction },
  );
  return (counts?.n ?? 0) + (hist?.n ?? 0);
}
