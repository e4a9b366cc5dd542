import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Generalization } from "@contract/public-reports.ts";
import type { Bidang, Kerawanan, ReportKind, ReportStatus } from "@contract/reports.ts";
import type { ReportBody } from "@contract/report-view.ts";

/** Writes of publications, and the reads a publication is made from. */

/** What publishing a report is decided and drafted from. */
export interface PublishableRow {
  id: string;
  author_id: string;
  kind: ReportKind;
  classification: "biasa" | "rahasia";
  status: ReportStatus;
  version: number;
  bidang: Bidang | null;
  kerawanan: Kerawanan;
  perihal: string;
  body: ReportBody;
  /** The day it happened in WITA, `YYYY-MM-DD`. */
  day: string;
  kecamatan_kode: string;
  desa_kode: string | null;
  /** Photos uploaded (declared but missing ones cannot be shown). */
  uploaded: string[];
}

const PUBLISHABLE = `
  SELECT r.id, r.author_id, r.kind, r.classification, r.status, r.version, r.bidang, r.kerawanan, r.perihal,
         r.body, to_char((r.occurred_at AT TIME ZONE 'Asia/Makassar')::date, 'YYYY-MM-DD') AS day,
         r.kecamatan_kode, r.desa_kode,
         COALESCE((SELECT array_agg(a.sha256 ORDER BY a.created_at) FROM attachments a WHERE a.report_id = r.id), '{}') AS uploaded
  FROM reports r WHERE r.id = :id`;

/** The report as publishing needs it, unlocked (the draft, the checks before photos are encoded). */
export async function getPublishable(db: Sequelize, id: string): Promise<PublishableRow | undefined> {
  const [row] = await db.query<PublishableRow>(PUBLISHABLE, { replacements: { id }, type: QueryTypes.SELECT });
  return row;
}

/** The same, with the report row locked until the transaction ends (the decision is made on this). */
export async function lockPublishable(db: Sequelize, id: string, transaction: Transaction): Promise<PublishableRow | undefined> {
  await db.query(`SELECT 1 FROM reports WHERE id = :id FOR UPDATE`, { replacements: { id }, transaction });
  const [row] = await db.query<PublishableRow>(PUBLISHABLE, { replacements: { id }, type: QueryTypes.SELECT, transaction });
  return row;
}

/** A region's centre (its label point, which lies inside it) and name. */
export interface RegionCentreRow {
  kode: string;
  nama: string;
  lng: number;
  lat: number;
}

export async function getRegionCentres(db: Sequelize, codes: string[], transaction?: Transaction): Promise<Map<string, RegionCentreRow>> {
  if (!codes.length) return new Map();
  const rows = await db.query<RegionCentreRow>(
    `SELECT kode, nama, ST_X(label_point) AS lng, ST_Y(label_point) AS lat FROM regions WHERE kode = ANY (CAST(:codes AS text[]))`,
    { replacements: { codes: `{${codes.join(",")}}` }, type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((r) => [r.kode, { ...r, lng: Number(r.lng), lat: Number(r.lat) }]));
}

/** A derivative made for publication, as stored beside its file. */
export interface NewPublicPhoto {
  id: string;
  reportId: string;
  sourceSha256: string;
  mime: string;
  width: number;
  height: number;
  sizeBytes: number;
}

export async function insertPublicPhotos(db: Sequelize, photos: NewPublicPhoto[], transaction: Transaction): Promise<void> {
  if (!photos.length) return;
  await db.query(
    `INSERT INTO public_photos (id, report_id, source_sha256, mime, width, height, size_bytes)
     SELECT id, "reportId", "sourceSha256", mime, width, height, "sizeBytes"
     FROM jsonb_to_recordset(CAST(:rows AS jsonb))
       AS x(id uuid, "reportId" uuid, "sourceSha256" text, mime text, width int, height int, "sizeBytes" int)`,
    { replacements: { rows: JSON.stringify(photos) }, transaction },
  );
}

/** One publication's public shape as it is stored. */
export interface NewPublication {
  reportId: string;
  reportVersion: number;
  title: string;
  summary: string;
  bidang: Bidang;
  kerawanan: Kerawanan;
  day: string;
  generalization: Generalization;
  lng: number;
  lat: number;
  kecamatanKode: string;
  kecamatanNama: string;
  desaKode: string | null;
  desaNama: string | null;
  photoIds: string[];
  publishedBy: string;
}

/** Store a publication as current; answers its row id. */
export async function insertPublication(db: Sequelize, p: NewPublication, transaction: Transaction): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO published_reports (report_id, report_version, title, summary, bidang, kerawanan, day, generalization, location,
       kecamatan_kode, kecamatan_nama, desa_kode, desa_nama, photo_ids, published_by)
     VALUES (:reportId, :reportVersion, :title, :summary, :bidang, :kerawanan, CAST(:day AS date), :generalization,
       ST_SetSRID(ST_MakePoint(:lng, :lat), 4326), :kecamatanKode, :kecamatanNama, :desaKode, :desaNama,
       CAST(:photoIds AS uuid[]), :publishedBy)
     RETURNING id`,
    { replacements: { ...p, photoIds: `{${p.photoIds.join(",")}}` }, type: QueryTypes.SELECT, transaction },
  );
  return String(row!.id);
}

/** Stamp the report's current publication as withdrawn; answers its row id (none when there was none). */
export async function withdrawPublication(
  db: Sequelize,
  w: { reportId: string; actorId: string; note: string },
  transaction: Transaction,
): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `UPDATE published_reports SET unpublished_by = :actorId, unpublished_at = now(), unpublish_note = :note
     WHERE report_id = :reportId AND unpublished_at IS NULL RETURNING id`,
    { replacements: w, type: QueryTypes.SELECT, transaction },
  );
  return rows[0] ? String(rows[0].id) : null;
}
