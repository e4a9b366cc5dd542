import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Bidang, Kerawanan, ReportKind, ReportStatus } from "@contract/reports.ts";
import { CHANGES_LOCK_KEY } from "../changes/changes.repo.ts";
import { rawQuery, retryOnDeadlock } from "../core/db.ts";

/** A report joined with the names clients need; the one shape every presenter starts from. */
export interface ReportRow {
  id: string;
  client_id: string;
  number: string;
  author_id: string;
  author_name: string;
  kind: ReportKind;
  period: string | null;
  revision: number;
  classification: "biasa" | "rahasia";
  bidang: Bidang | null;
  sub_category: string | null;
  perihal: string;
  kerawanan: Kerawanan;
  body: unknown;
  photos: string[];
  uploaded: string[];
  occurred_at: Date;
  sent_at: Date;
  received_at: Date;
  lng: number;
  lat: number;
  accuracy_m: number | null;
  location_source: "gps" | "pin";
  kecamatan_kode: string;
  kecamatan_nama: string;
  desa_kode: string | null;
  desa_nama: string | null;
  outside_meters: number;
  status: ReportStatus;
  status_note: string | null;
  version: number;
}

const REPORT_SELECT = `
  SELECT r.id, r.client_id, r.number, r.author_id, u.display_name AS author_name, r.kind, r.period, r.revision,
         r.classification, r.bidang, r.sub_category, r.perihal, r.kerawanan, r.body, r.photos,
         COALESCE((SELECT array_agg(a.sha256) FROM attachments a WHERE a.report_id = r.id), '{}') AS uploaded,
         r.occurred_at, r.sent_at, r.received_at, ST_X(r.location) AS lng, ST_Y(r.location) AS lat,
         r.accuracy_m, r.location_source, r.kecamatan_kode, k.nama AS kecamatan_nama, r.desa_kode,
         d.nama AS desa_nama, r.outside_meters, r.status, r.status_note, r.version
  FROM reports r
  JOIN users u ON u.id = r.author_id
  JOIN regions k ON k.kode = r.kecamatan_kode
  LEFT JOIN regions d ON d.kode = r.desa_kode`;

export async function getReportRowsByIds(db: Sequelize, ids: string[], transaction?: Transaction): Promise<ReportRow[]> {
  if (!ids.length) return [];
  return db.query<ReportRow>(`${REPORT_SELECT} WHERE r.id = ANY (CAST(:ids AS uuid[]))`, {
    replacements: { ids: `{${ids.join(",")}}` },
    type: QueryTypes.SELECT,
    transaction,
  });
}

export interface ReportListFilter {
  /** null: every kecamatan. */
  kecamatan: string[] | null;
  authorId?: string;
  status?: ReportStatus;
  kind?: ReportKind;
  limit: number;
  before?: string;
}

export async function listReportRows(db: Sequelize, f: ReportListFilter): Promise<ReportRow[]> {
  return db.query<ReportRow>(
    `${REPORT_SELECT}
     WHERE (CAST(:kecamatan AS text[]) IS NULL OR r.kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
       AND (CAST(:authorId AS uuid) IS NULL OR r.author_id = CAST(:authorId AS uuid))
       AND (CAST(:status AS text) IS NULL OR r.status = :status)
       AND (CAST(:kind AS text) IS NULL OR r.kind = :kind)
       AND (CAST(:before AS timestamptz) IS NULL OR r.received_at < CAST(:before AS timestamptz))
     ORDER BY r.received_at DESC, r.id LIMIT :limit`,
    {
      replacements: {
        kecamatan: f.kecamatan ? `{${f.kecamatan.join(",")}}` : null,
        authorId: f.authorId ?? null,
        status: f.status ?? null,
        kind: f.kind ?? null,
        before: f.before ?? null,
        limit: f.limit,
      },
      type: QueryTypes.SELECT,
    },
  );
}

/** The revision an earlier submission with this client_id produced. */
export interface RevisionRow {
  client_id: string;
  report_id: string;
  revision: number;
}

export async function getRevisionsByClientIds(db: Sequelize, clientIds: string[], transaction?: Transaction): Promise<RevisionRow[]> {
  if (!clientIds.length) return [];
  return db.query<RevisionRow>(
    `SELECT client_id, report_id, revision FROM report_revisions WHERE client_id = ANY (CAST(:ids AS uuid[]))`,
    { replacements: { ids: `{${clientIds.join(",")}}` }, type: QueryTypes.SELECT, transaction },
  );
}

/** A submission whose client_id may be stored already. */
export interface Resubmission {
  clientId: string;
  authorId: string;
  payload: unknown;
}

/** The stored revision of a resubmitted client_id, and whether the submission is the same one again. */
export interface StoredRevision extends RevisionRow {
  same: boolean;
}

/**
 * For each submission (by position), what its client_id stored, if anything. "Same" means the same
 * author and an equal payload as jsonb, which compares objects regardless of key order, so a phone that
 * serialises fields differently on a retry is still a retry.
 */
export async function findStoredRevisions(db: Sequelize, subs: Resubmission[]): Promise<(StoredRevision | undefined)[]> {
  if (!subs.length) return [];
  const rows = await db.query<StoredRevision & { n: number }>(
    `SELECT x.n, v.client_id, v.report_id, v.revision, (r.author_id = x."authorId" AND v.payload = x.payload) AS same
     FROM jsonb_to_recordset($1::jsonb) AS x(n int, "clientId" uuid, "authorId" uuid, payload jsonb)
     JOIN report_revisions v ON v.client_id = x."clientId"
     JOIN reports r ON r.id = v.report_id`,
    { bind: [JSON.stringify(subs.map((s, n) => ({ ...s, n })))], type: QueryTypes.SELECT },
  );
  const byPosition = new Map(rows.map(({ n, ...row }) => [n, row]));
  return subs.map((_, n) => byPosition.get(n));
}

/** The row shape intake writes; `payload` is the validated input kept verbatim with its revision. */
export interface NewReport {
  clientId: string;
  authorId: string;
  kind: ReportKind;
  period: string | null;
  classification: string;
  bidang: string | null;
  subCategory: string | null;
  perihal: string;
  kerawanan: string;
  body: unknown;
  photos: string[];
  occurredAt: string;
  sentAt: string;
  lng: number;
  lat: number;
  accuracyM: number | null;
  locationSource: string;
  kecamatanKode: string;
  desaKode: string | null;
  outsideMeters: number;
  payload: unknown;
}

/** What inserting a report returns: the columns the database fills in. */
export interface InsertedReport {
  id: string;
  client_id: string;
  number: string;
  received_at: Date;
  revision: number;
  status: ReportStatus;
  version: number;
}

/** Reports inside the caller's transaction (the periodic path); see INSERT_REPORTS_CTES. */
export async function insertReports(db: Sequelize, rows: NewReport[], transaction: Transaction): Promise<InsertedReport[]> {
  if (!rows.length) return [];
  return db.query<InsertedReport>(`${INSERT_REPORTS_CTES} SELECT * FROM inserted`, {
    bind: [reportsParameter(rows)],
    type: QueryTypes.SELECT,
    transaction,
  });
}

/**
 * The rows as one JSON parameter, parsed once on the server (bound on PostgreSQL; on PGlite it travels
 * as a literal, see executePrepared). The body travels once, inside the payload (the validated input).
 */
function reportsParameter(rows: NewReport[]): string {
  return JSON.stringify(rows.map(({ body: _body, ...row }, n) => ({ ...row, n })));
}

/**
 * Reports, their first revision and their `submitted` event, from `$1` (see reportsParameter). A client_id
 * stored already (a retry, a race lost to another batch, or a periodic revision's client_id) is skipped
 * and not returned by `inserted`.
 */
const INSERT_REPORTS_CTES = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
      n int, "clientId" uuid, "authorId" uuid, kind text, period text, classification text, bidang text,
      "subCategory" text, perihal text, kerawanan text, photos text[], "occurredAt" timestamptz,
      "sentAt" timestamptz, lng float8, lat float8, "accuracyM" real, "locationSource" text,
      "kecamatanKode" text, "desaKode" text, "outsideMeters" int, payload jsonb)
  ), inserted AS (
    INSERT INTO reports (client_id, number, author_id, kind, period, classification, bidang, sub_category, perihal,
                         kerawanan, body, photos, occurred_at, sent_at, location, accuracy_m, location_source,
                         kecamatan_kode, desa_kode, outside_meters)
    SELECT "clientId", 'LI-' || to_char(now() AT TIME ZONE 'Asia/Makassar', 'YYYY') || '-' ||
             lpad(nextval('report_number_seq')::text, 6, '0'),
           "authorId", kind, period, classification, bidang, "subCategory", perihal, kerawanan, payload -> 'body', photos,
           "occurredAt", "sentAt", ST_SetSRID(ST_MakePoint(lng, lat), 4326), "accuracyM", "locationSource",
           "kecamatanKode", "desaKode", "outsideMeters"
    FROM input x
    WHERE NOT EXISTS (SELECT 1 FROM report_revisions r WHERE r.client_id = x."clientId")
    -- In client_id order, so two groups that share client_ids (a retry racing its original) wait on each
    -- other's rows in the same order and cannot deadlock over them. Report numbers within a group follow
    -- it; the change log keeps arrival order (ORDER BY x.n below).
    ORDER BY "clientId"
    ON CONFLICT (client_id) DO NOTHING
    RETURNING id, client_id, number, received_at, revision, status, version, author_id, kecamatan_kode
  ), revisions AS (
    INSERT INTO report_revisions (client_id, report_id, revision, payload)
    SELECT i.client_id, i.id, 1, x.payload FROM inserted i JOIN input x ON x."clientId" = i.client_id
  ), events AS (
    INSERT INTO report_events (report_id, actor_id, action, to_status)
    SELECT i.id, i.author_id, 'submitted', i.status FROM inserted i
  )`;

/** commitSituationReports' statement; one constant, so the prepared-statement lookup is by identity. */
const COMMIT_SITUATION_REPORTS = `${INSERT_REPORTS_CTES}, lock AS (
       SELECT pg_advisory_xact_lock(${CHANGES_LOCK_KEY}) AS locked
     ), changes AS (
       INSERT INTO changes (entity, entity_id, kind, kecamatan_kode, author_id, published)
       SELECT 'report', i.id, 'created', i.kecamatan_kode, i.author_id, false
       FROM inserted i JOIN input x ON x."clientId" = i.client_id CROSS JOIN lock
       ORDER BY x.n
       RETURNING seq, at, entity_id
     )
     SELECT i.id, i.client_id, i.number, i.received_at, i.revision, i.status, i.version,
            u.display_name AS author_name, c.seq, c.at
     FROM inserted i JOIN changes c ON c.entity_id = i.id JOIN users u ON u.id = i.author_id
     ORDER BY c.seq`;

/** A situation report as stored by `commitSituationReports`, with its change-log entry and author name. */
export interface CommittedReport extends InsertedReport {
  author_name: string;
  seq: number;
  at: Date;
}

/**
 * Situation reports in ONE statement, committed on its own: reports, their first revision, their
 * `submitted` event and their change-log entries. One round trip per batch is what keeps acks fast; an
 * explicit transaction would cost four. A client_id known already (a retry, a race lost to another batch,
 * or the client_id of a periodic revision) is skipped and not returned: the caller answers those from
 * what is stored.
 *
 * Gap-free change log: seqs must be taken in commit order (see appendChanges). The `lock` CTE takes the
 * same transaction-scoped advisory lock; the changes INSERT reads from it, so the lock is held before the
 * first seq is drawn and until this statement's commit.
 */
export async function commitSituationReports(db: Sequelize, rows: NewReport[]): Promise<CommittedReport[]> {
  if (!rows.length) return [];
  const query = {
    // Prepared (see rawQuery): the statement is long, and parsing and planning it per batch shows.
    name: "commit-situation-reports",
    text: COMMIT_SITUATION_REPORTS,
    values: [reportsParameter(rows)],
  };
  // The client_id order rules out a deadlock between two groups' rows, but not one between a row and the
  // change-log lock, whose place in the plan is PostgreSQL's choice. The statement is idempotent by
  // client_id, so a deadlock victim simply runs again: what the other group stored is skipped this time.
  return retryOnDeadlock(() => rawQuery<CommittedReport>(db, query));
}

/** The periodic report of an author for a period, locked for a new revision. */
export async function getPeriodicReportForUpdate(
  db: Sequelize,
  authorId: string,
  kind: ReportKind,
  period: string,
  transaction: Transaction,
): Promise<{ id: string; revision: number } | undefined> {
  const rows = await db.query<{ id: string; revision: number }>(
    `SELECT id, revision FROM reports WHERE author_id = :authorId AND kind = :kind AND period = :period FOR UPDATE`,
    { replacements: { authorId, kind, period }, type: QueryTypes.SELECT, transaction },
  );
  return rows[0];
}

/** A new revision of a periodic report: the report takes the new content, history keeps every revision. */
export async function reviseReport(db: Sequelize, reportId: string, revision: number, r: NewReport, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE reports SET revision = :revision, version = version + 1, classification = :classification,
            perihal = :perihal, kerawanan = :kerawanan, body = CAST(:body AS jsonb), photos = CAST(:photos AS text[]),
            occurred_at = :occurredAt, sent_at = :sentAt, location = ST_SetSRID(ST_MakePoint(:lng, :lat), 4326),
            accuracy_m = :accuracyM, location_source = :locationSource, kecamatan_kode = :kecamatanKode,
            desa_kode = :desaKode, outside_meters = :outsideMeters, status = 'submitted', status_note = NULL
     WHERE id = :reportId;
     INSERT INTO report_revisions (client_id, report_id, revision, payload)
     VALUES (:clientId, :reportId, :revision, CAST(:payload AS jsonb));`,
    {
      replacements: {
        ...r,
        reportId,
        revision,
        body: JSON.stringify(r.body),
        payload: JSON.stringify(r.payload),
        photos: `{${r.photos.join(",")}}`,
      },
      transaction,
    },
  );
}

export async function insertReportEvents(
  db: Sequelize,
  events: { reportId: string; actorId: string; action: string; toStatus: string }[],
  transaction: Transaction,
): Promise<void> {
  if (!events.length) return;
  await db.query(
    `INSERT INTO report_events (report_id, actor_id, action, to_status)
     SELECT "reportId", "actorId", action, "toStatus"
     FROM jsonb_to_recordset(CAST(:events AS jsonb)) AS x("reportId" uuid, "actorId" uuid, action text, "toStatus" text)`,
    { replacements: { events: JSON.stringify(events) }, transaction },
  );
}

export async function insertAttachment(
  db: Sequelize,
  a: { reportId: string; sha256: string; mime: string; sizeBytes: number; width: number; height: number; storageKey: string },
  transaction?: Transaction,
): Promise<boolean> {
  const rows = await db.query<{ sha256: string }>(
    `INSERT INTO attachments (report_id, sha256, mime, size_bytes, width, height, storage_key)
     VALUES (:reportId, :sha256, :mime, :sizeBytes, :width, :height, :storageKey)
     ON CONFLICT (report_id, sha256) DO NOTHING RETURNING sha256`,
    { replacements: a, type: QueryTypes.SELECT, transaction },
  );
  return rows.length > 0;
}

export async function bumpVersion(db: Sequelize, reportId: string, transaction: Transaction): Promise<void> {
  await db.query(`UPDATE reports SET version = version + 1 WHERE id = :reportId`, { replacements: { reportId }, transaction });
}

export async function hasAttachment(db: Sequelize, reportId: string, sha256: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM attachments WHERE report_id = :reportId AND sha256 = :sha256`, {
    replacements: { reportId, sha256 },
    type: QueryTypes.SELECT,
  });
  return rows.length > 0;
}

/** What a status change is checked against, with the row locked until the transaction ends. */
export interface ReportStatusRow {
  id: string;
  status: ReportStatus;
  version: number;
  kecamatan_kode: string;
  author_id: string;
}

export async function lockReportStatus(db: Sequelize, id: string, transaction: Transaction): Promise<ReportStatusRow | undefined> {
  const [row] = await db.query<ReportStatusRow>(
    `SELECT id, status, version, kecamatan_kode, author_id FROM reports WHERE id = :id FOR UPDATE`,
    { replacements: { id }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** The new status and its note, a version bump, and the decision in the report's event trail. */
export async function setReportStatus(
  db: Sequelize,
  change: { reportId: string; actorId: string; from: ReportStatus; to: ReportStatus; note: string | null },
  transaction: Transaction,
): Promise<void> {
  await db.query(
    `UPDATE reports SET status = :to, status_note = :note, version = version + 1 WHERE id = :reportId;
     INSERT INTO report_events (report_id, actor_id, action, from_status, to_status, note)
     VALUES (:reportId, :actorId, 'status_changed', :from, :to, :note);`,
    { replacements: change, transaction },
  );
}
