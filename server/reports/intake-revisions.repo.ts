import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { ReportKind, ReportStatus } from "@contract/reports.ts";
import type { NewReport } from "./reports.repo.ts";

/**
 * Intake's writes for a report sent again by its author: a situation report revised after a verifier
 * asked for it, a periodic report sent again for its period. The report takes the new content, and
 * report_revisions keeps every submission as it came.
 */

/** What a new revision is checked against, with the report locked until the transaction ends. */
export interface RevisionTarget {
  id: string;
  author_id: string;
  kind: ReportKind;
  status: ReportStatus;
  status_note: string | null;
  version: number;
  revision: number;
  kecamatan_kode: string;
}

const TARGET_COLUMNS = `id, author_id, kind, status, status_note, version, revision, kecamatan_kode`;

export async function lockRevisionTarget(db: Sequelize, id: string, transaction: Transaction): Promise<RevisionTarget | undefined> {
  const [row] = await db.query<RevisionTarget>(`SELECT ${TARGET_COLUMNS} FROM reports WHERE id = :id FOR UPDATE`, {
    replacements: { id },
    type: QueryTypes.SELECT,
    transaction,
  });
  return row;
}

/** The periodic report of an author for a period, locked for a new revision. */
export async function lockPeriodicRevisionTarget(
  db: Sequelize,
  p: { authorId: string; kind: ReportKind; period: string },
  transaction: Transaction,
): Promise<RevisionTarget | undefined> {
  const [row] = await db.query<RevisionTarget>(
    `SELECT ${TARGET_COLUMNS} FROM reports WHERE author_id = :authorId AND kind = :kind AND period = :period FOR UPDATE`,
    { replacements: p, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/**
 * A new revision: the report takes the new content and the submission joins report_revisions.
 * `resubmitted` puts it back in the queue (`submitted`, the verifier's note cleared from the report; the
 * history keeps it); `amended` keeps its status and note and flags it (`amended_at`) for review.
 */
export async function storeRevision(
  db: Sequelize,
  r: { reportId: string; revision: number; row: NewReport; outcome: "resubmitted" | "amended" },
  transaction: Transaction,
): Promise<void> {
  const { row } = r;
  await db.query(
    `UPDATE reports SET revision = :revision, version = version + 1, classification = :classification,
            bidang = :bidang, sub_category = :subCategory, perihal = :perihal, kerawanan = :kerawanan,
            body = CAST(:body AS jsonb), photos = CAST(:photos AS text[]), occurred_at = :occurredAt, sent_at = :sentAt,
            location = ST_SetSRID(ST_MakePoint(:lng, :lat), 4326), accuracy_m = :accuracyM,
            location_source = :locationSource, kecamatan_kode = :kecamatanKode, desa_kode = :desaKode,
            outside_meters = :outsideMeters,
            status = CASE WHEN :amend THEN status ELSE 'submitted' END,
            status_note = CASE WHEN :amend THEN status_note ELSE NULL END,
            amended_at = CASE WHEN :amend THEN now() ELSE NULL END
     WHERE id = :reportId;
     INSERT INTO report_revisions (client_id, report_id, revision, payload)
     VALUES (:clientId, :reportId, :revision, CAST(:payload AS jsonb));`,
    {
      replacements: {
        ...row,
        reportId: r.reportId,
        revision: r.revision,
        amend: r.outcome === "amended",
        body: JSON.stringify(row.body),
        payload: JSON.stringify(row.payload),
        photos: `{${row.photos.join(",")}}`,
      },
      transaction,
    },
  );
}
