import { QueryTypes, type Sequelize } from "sequelize";
import type { QueueCursor, ReportFilter } from "@contract/report-queue.ts";
import type { ReportStatus } from "@contract/reports.ts";
import { REPORT_COLUMNS, REPORT_FROM, type ReportRow } from "./reports.read.repo.ts";

/**
 * The verifiers' queue: reports within a reader's scope, narrowed by the contract's ReportFilter, newest
 * first in keyset pages on (received_at, id), and counted per status. Only the conditions a filter names
 * are in the statement, so each query is planned for what it asks (the keyset, the trigram index on
 * report_search_text, the status or kecamatan indexes).
 */

/** Whose reports the reader may see: null kecamatan = every kecamatan; an author = only theirs. */
export interface QueueScope {
  kecamatan: string[] | null;
  authorId?: string;
}

interface Where {
  sql: string;
  replacements: Record<string, unknown>;
}

/** `%words%` for ILIKE, with the pattern characters of the words themselves taken literally. */
function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, "\\$&")}%`;
}

function whereOf(scope: QueueScope, f: ReportFilter, opts: { withStatus: boolean }): Where {
  const c: string[] = [];
  const p: Record<string, unknown> = {};
  const add = (condition: string, name?: string, value?: unknown) => {
    c.push(condition);
    if (name) p[name] = value;
  };
  // Sequelize expands an array replacement into a quoted list: `IN (:status)` → IN ('a', 'b').
  if (scope.kecamatan) add(scope.kecamatan.length ? "r.kecamatan_kode IN (:scopeKecamatan)" : "false", "scopeKecamatan", scope.kecamatan);
  if (scope.authorId) add("r.author_id = :scopeAuthor", "scopeAuthor", scope.authorId);
  if (f.status && opts.withStatus) add("r.status IN (:status)", "status", f.status);
  if (f.kind) add("r.kind IN (:kind)", "kind", f.kind);
  if (f.bidang) add("r.bidang IN (:bidang)", "bidang", f.bidang);
  if (f.subCategory) add("r.sub_category = :subCategory", "subCategory", f.subCategory);
  if (f.kerawanan) add("r.kerawanan IN (:kerawanan)", "kerawanan", f.kerawanan);
  if (f.kecamatan) add("r.kecamatan_kode IN (:kecamatan)", "kecamatan", f.kecamatan);
  if (f.desa) add("r.desa_kode IN (:desa)", "desa", f.desa);
  if (f.author) add("r.author_id IN (:author)", "author", f.author);
  if (f.q) add("report_search_text(r.perihal, r.body) ILIKE :q ESCAPE '\\'", "q", containsPattern(f.q));
  const at = f.time === "occurred" ? "r.occurred_at" : "r.received_at";
  if (f.from) add(`${at} >= CAST(:from AS timestamptz)`, "from", f.from);
  if (f.to) add(`${at} < CAST(:to AS timestamptz)`, "to", f.to);
  if (f.flagged !== undefined) add(f.flagged ? "r.amended_at IS NOT NULL" : "r.amended_at IS NULL");
  return { sql: c.length ? c.join(" AND ") : "true", replacements: p };
}

/** A report of a queue page, with the exact key its cursor is made of. */
export interface QueueRow extends ReportRow {
  /** received_at in UTC to the microsecond: what the next page's keyset compares with. */
  received_key: string;
}

export async function listQueueRows(
  db: Sequelize,
  scope: QueueScope,
  f: ReportFilter,
  page: { limit: number; before?: QueueCursor },
): Promise<QueueRow[]> {
  const where = whereOf(scope, f, { withStatus: true });
  const before = page.before;
  const keyset = !before
    ? "true"
    : before.id
      ? "(r.received_at, r.id) < (CAST(:beforeAt AS timestamptz), CAST(:beforeId AS uuid))"
      : "r.received_at < CAST(:beforeAt AS timestamptz)";
  return db.query<QueueRow>(
    `SELECT ${REPORT_COLUMNS},
            to_char(r.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_key
     FROM ${REPORT_FROM}
     WHERE ${where.sql} AND ${keyset}
     ORDER BY r.received_at DESC, r.id DESC
     LIMIT :limit`,
    {
      replacements: { ...where.replacements, beforeAt: before?.receivedAt ?? null, beforeId: before?.id ?? null, limit: page.limit },
      type: QueryTypes.SELECT,
    },
  );
}

/** Per status: the reports matching the filter (its status part left out), and those among them amended. */
export async function countQueueByStatus(
  db: Sequelize,
  scope: QueueScope,
  f: ReportFilter,
): Promise<{ status: ReportStatus; n: number; amended: number }[]> {
  const where = whereOf(scope, f, { withStatus: false });
  const rows = await db.query<{ status: ReportStatus; n: string | number; amended: string | number }>(
    `SELECT r.status, count(*) AS n, count(*) FILTER (WHERE r.amended_at IS NOT NULL) AS amended
     FROM reports r
     WHERE ${where.sql}
     GROUP BY r.status`,
    { replacements: where.replacements, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ status: r.status, n: Number(r.n), amended: Number(r.amended) }));
}
