import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { AuditRow, GeneratedReport } from "./rows.ts";

/**
 * The generator's bulk writes. Intake, decisions and claims write one report at a time through their
 * services; a million reports that way would take hours, so the generator writes the same rows — the same
 * columns, event actions and audit actions those services write — many thousand to a statement. This is
 * the only SQL of the generator besides incidents.repo.ts; server/ never imports it.
 */

/**
 * Reports, their revisions and their event trails from three JSON parameters; the numbers come with the
 * reports (takeReportNumbers). A report stored already (same id, client id or period) is skipped with its
 * revisions and events; the ids of those stored are returned.
 */
const INSERT_REPORTS = `
  WITH r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
      n int, id uuid, "clientId" uuid, number text, "authorId" uuid, kind text, period text, revision int, classification text,
      bidang text, "subCategory" text, perihal text, kerawanan text, "occurredAt" timestamptz, "sentAt" timestamptz,
      "receivedAt" timestamptz, lng float8, lat float8, "accuracyM" real, "locationSource" text, "kecamatanKode" text,
      "desaKode" text, status text, "statusNote" text, version int, "amendedAt" timestamptz)
  ), v AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS y("reportId" uuid, "clientId" uuid, revision int, payload jsonb, "receivedAt" timestamptz)
  ), inserted AS (
    INSERT INTO reports (id, client_id, number, author_id, kind, period, revision, classification, bidang, sub_category,
                         perihal, kerawanan, body, photos, occurred_at, sent_at, received_at, location, accuracy_m,
                         location_source, kecamatan_kode, desa_kode, outside_meters, status, status_note, version, amended_at)
    SELECT r.id, r."clientId", r.number, r."authorId", r.kind, r.period, r.revision, r.classification, r.bidang, r."subCategory",
           r.perihal, r.kerawanan, v.payload -> 'body', '{}', r."occurredAt", r."sentAt", r."receivedAt",
           ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326), r."accuracyM", r."locationSource", r."kecamatanKode", r."desaKode", 0,
           r.status, r."statusNote", r.version, r."amendedAt"
    FROM r JOIN v ON v."reportId" = r.id AND v.revision = r.revision
    ORDER BY r.n
    ON CONFLICT DO NOTHING
    RETURNING id
  ), revisions AS (
    INSERT INTO report_revisions (client_id, report_id, revision, payload, received_at)
    SELECT v."clientId", v."reportId", v.revision, v.payload, v."receivedAt" FROM v JOIN inserted i ON i.id = v."reportId"
    ON CONFLICT DO NOTHING
  ), events AS (
    INSERT INTO report_events (report_id, actor_id, action, from_status, to_status, note, details, at)
    SELECT e."reportId", e."actorId", e.action, e."fromStatus", e."toStatus", e.note, e.details, e.at
    FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (
      "reportId" uuid, "actorId" uuid, action text, "fromStatus" text, "toStatus" text, note text, details jsonb, at timestamptz)) WITH ORDINALITY AS e
    JOIN inserted i ON i.id = e."reportId"
    ORDER BY e.ordinality
  )
  SELECT id FROM inserted`;

/**
 * `count` numbers from report_number_seq, ascending, for reports about to be stored. Taken from the
 * sequence intake numbers its reports from, so numbers never collide and reports filed later continue
 * after them; taken before the insert so that batches stored side by side keep arrival order.
 */
export async function takeReportNumbers(db: Sequelize, count: number): Promise<number[]> {
  if (!count) return [];
  const rows = await db.query<{ n: number }>(`SELECT nextval('report_number_seq')::bigint AS n FROM generate_series(1, :count)`, {
    replacements: { count },
    type: QueryTypes.SELECT,
  });
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}

/** Write a batch of generated reports; returns the ids actually stored (the others existed already). */
export async function insertGeneratedReports(
  db: Sequelize,
  batch: { report: GeneratedReport; number: string }[],
  transaction: Transaction,
): Promise<Set<string>> {
  if (!batch.length) return new Set();
  const reports = JSON.stringify(batch.map(({ report, number }, n) => ({ ...report.report, number, n })));
  const revisions = JSON.stringify(batch.flatMap((b) => b.report.revisions));
  const events = JSON.stringify(batch.flatMap((b) => b.report.events));
  const rows = await db.query<{ id: string }>(INSERT_REPORTS, { bind: [reports, revisions, events], type: QueryTypes.SELECT, transaction });
  return new Set(rows.map((r) => r.id));
}

/**
 * Audit entries in the order given (the caller sorts them by time, so the audit page, newest id first,
 * reads as a timeline), each with the number of the report it names, as the services write it.
 */
export async function insertAuditRows(db: Sequelize, rows: AuditRow[], transaction: Transaction): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO audit_log (at, action, actor_id, actor_username, target_type, target_id, details)
     SELECT a.at, a.action, a."actorId", a."actorUsername", a."targetType", a."targetId",
            CASE WHEN a."numberKey" IS NULL THEN a.details ELSE jsonb_build_object(a."numberKey", rep.number) || a.details END
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (
       action text, "actorId" uuid, "actorUsername" text, "targetType" text, "targetId" text, details jsonb,
       "numberOf" uuid, "numberKey" text, at timestamptz)) WITH ORDINALITY AS a
     LEFT JOIN reports rep ON rep.id = a."numberOf"
     ORDER BY a.ordinality`,
    { bind: [JSON.stringify(rows)], transaction },
  );
}

/** Whether any report is stored (the demo seeds only an empty office). */
export async function hasReports(db: Sequelize): Promise<boolean> {
  const [row] = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM reports) AS any`, { type: QueryTypes.SELECT });
  return Boolean(row?.any);
}

export async function countReports(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports`, { type: QueryTypes.SELECT });
  return row?.n ?? 0;
}

/** Whether a table exists (incidents and follow-ups arrive with later migrations). */
export async function tableExists(db: Sequelize, name: string): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(`SELECT to_regclass(:name) IS NOT NULL AS found`, { replacements: { name }, type: QueryTypes.SELECT });
  return Boolean(row?.found);
}

/**
 * `--reset`: every report and what hangs off it (revisions, photos' rows, events, claims, incident links,
 * follow-ups, through the foreign keys) and the change log, so clients holding old `seq`s reload. Accounts,
 * regions, sub-categories, agencies and the audit log stay; numbering sequences go on (numbers are never
 * reused). Photo files under DATA_DIR are left on disk.
 */
export async function deleteAllReports(db: Sequelize): Promise<void> {
  const incidents = (await tableExists(db, "incidents")) ? ", incidents" : "";
  await db.query(`TRUNCATE reports, changes${incidents} CASCADE`);
}

/** Fresh planner statistics after a bulk load (PGlite never analyzes on its own). */
export async function analyzeReportTables(db: Sequelize): Promise<void> {
  await db.query(`ANALYZE reports; ANALYZE report_events; ANALYZE report_revisions; ANALYZE audit_log`);
}

/**
 * Settings for one bulk transaction: commits need not wait for the disk (a crash loses a batch the next
 * run writes again); sorts of a batch stay in memory; new entries of the trigram index (search) collect in
 * its pending list instead of being merged into the index row by row, and are merged once at the end
 * (mergeSearchIndexes).
 */
export async function bulkSettings(db: Sequelize, transaction: Transaction): Promise<void> {
  await db.query(`SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '64MB'; SET LOCAL gin_pending_list_limit = '64MB'`, { transaction });
}

/**
 * The GIN indexes of reports (text search), dropped for a big load and their definitions returned, to be
 * made again from them afterwards (createIndexes). Built once over a million rows such an index is a
 * fraction of the size it grows to row by row (measured: 30 MB against 385 MB for 50,000 reports), and
 * the load runs faster without it.
 */
export async function dropSearchIndexes(db: Sequelize): Promise<string[]> {
  const rows = await db.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
     WHERE i.indrelid = 'reports'::regclass AND am.amname = 'gin' AND NOT i.indisunique`,
    { type: QueryTypes.SELECT },
  );
  for (const r of rows) await db.query(`DROP INDEX IF EXISTS "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.def);
}

/** Indexes made again from their definitions (pg_get_indexdef), with memory enough to sort in one pass. */
export async function createIndexes(db: Sequelize, definitions: readonly string[]): Promise<void> {
  if (!definitions.length) return;
  await db.transaction(async (transaction) => {
    await db.query(`SET LOCAL maintenance_work_mem = '512MB'`, { transaction });
    for (const def of definitions) await db.query(def.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "), { transaction });
  });
}

/** Merge the pending lists of the GIN indexes on reports (see bulkSettings) into the indexes. */
export async function mergeSearchIndexes(db: Sequelize): Promise<void> {
  await db.query(
    `SELECT gin_clean_pending_list(i.indexrelid)
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
     WHERE i.indrelid = 'reports'::regclass AND am.amname = 'gin'`,
  );
}
