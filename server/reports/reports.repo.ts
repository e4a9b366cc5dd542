import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { ReportKind, ReportStatus } from "@contract/reports.ts";
import { appendChangesCtes } from "../changes/changes.repo.ts";
import { rawQuery, retryOnDeadlock } from "../core/db.ts";

/**
 * Intake's writes: new reports (a situation group in one statement, a periodic report in a transaction).
 * New revisions of a stored report are in intake-revisions.repo.ts, reads in reports.read.repo.ts.
 */

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
             zero_pad(nextval('report_number_seq'), 6),
           "authorId", kind, period, classification, bidang, "subCategory", perihal, kerawanan, payload -> 'body', photos,
           "occurredAt", "sentAt", ST_SetSRID(ST_MakePoint(lng, lat), 4326), "accuracyM", "locationSource",
           "kecamatanKode", "desaKode", "outsideMeters"
    FROM input x
    WHERE NOT EXISTS (SELECT 1 FROM report_revisions r WHERE r.client_id = x."clientId")
    -- In client_id order, so two groups that share client_ids (a retry racing its original) wait on each
    -- other's rows in the same order and cannot deadlock over them. Report numbers within a group follow
    -- it; the change log keeps arrival order (orderBy x.n below).
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

/**
 * commitSituationReports' statement; one constant, so the prepared-statement lookup is by identity. The
 * change-log rows are the changes capability's SQL (appendChangesCtes); this statement only says which.
 */
const COMMIT_SITUATION_REPORTS = `${INSERT_REPORTS_CTES}, ${appendChangesCtes({
  from: `inserted i JOIN input x ON x."clientId" = i.client_id`,
  entity: "'report'",
  entityId: "i.id",
  kind: "'created'",
  kecamatanKode: "i.kecamatan_kode",
  authorId: "i.author_id",
  published: "false",
  orderBy: "x.n",
})}
     SELECT i.id, i.client_id, i.number, i.received_at, i.revision, i.status, i.version,
            u.display_name AS author_name, c.seq, c.at
     FROM inserted i JOIN logged_changes c ON c.entity_id = i.id JOIN users u ON u.id = i.author_id
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
 * what is stored. Change-log order is commit order (see appendChangesCtes).
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

/** Reports inside the caller's transaction (the periodic path); see INSERT_REPORTS_CTES. */
export async function insertReports(db: Sequelize, rows: NewReport[], transaction: Transaction): Promise<InsertedReport[]> {
  if (!rows.length) return [];
  return db.query<InsertedReport>(`${INSERT_REPORTS_CTES} SELECT * FROM inserted`, {
    bind: [reportsParameter(rows)],
    type: QueryTypes.SELECT,
    transaction,
  });
}

/** One officer, one period, one report: submissions for the same period wait for each other's commit. */
export async function lockAuthorPeriod(
  db: Sequelize,
  p: { authorId: string; kind: ReportKind; period: string },
  transaction: Transaction,
): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext(:key))`, {
    replacements: { key: `periodic:${p.authorId}:${p.kind}:${p.period}` },
    transaction,
  });
}
