import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Bidang, Kerawanan, ReportKind, ReportStatus } from "@contract/reports.ts";
import type { ReportBody } from "@contract/report-view.ts";

/** Reads of stored reports and of the revisions their client_ids produced. */

/** A stored report joined with the names clients need, as `presentReport` takes it. */
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
  body: ReportBody;
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
  /** Set while an amendment (a verified periodic report resent) awaits a verifier's review. */
  amended_at: Date | null;
}

/** The columns of a ReportRow, over REPORT_FROM (aliases: r report, u author, k kecamatan, d desa). */
export const REPORT_COLUMNS = `
  r.id, r.client_id, r.number, r.author_id, u.display_name AS author_name, r.kind, r.period, r.revision,
  r.classification, r.bidang, r.sub_category, r.perihal, r.kerawanan, r.body, r.photos,
  COALESCE((SELECT array_agg(a.sha256) FROM attachments a WHERE a.report_id = r.id), '{}') AS uploaded,
  r.occurred_at, r.sent_at, r.received_at, ST_X(r.location) AS lng, ST_Y(r.location) AS lat,
  r.accuracy_m, r.location_source, r.kecamatan_kode, k.nama AS kecamatan_nama, r.desa_kode,
  d.nama AS desa_nama, r.outside_meters, r.status, r.status_note, r.version, r.amended_at`;

export const REPORT_FROM = `
  reports r
  JOIN users u ON u.id = r.author_id
  JOIN regions k ON k.kode = r.kecamatan_kode
  LEFT JOIN regions d ON d.kode = r.desa_kode`;

const REPORT_SELECT = `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}`;

export async function getReportRowsByIds(db: Sequelize, ids: string[], transaction?: Transaction): Promise<ReportRow[]> {
  if (!ids.length) return [];
  return db.query<ReportRow>(`${REPORT_SELECT} WHERE r.id = ANY (CAST(:ids AS uuid[]))`, {
    replacements: { ids: `{${ids.join(",")}}` },
    type: QueryTypes.SELECT,
    transaction,
  });
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
