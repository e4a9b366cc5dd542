import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { ReportStatus } from "@contract/reports.ts";

/** Changes to a stored report after intake: a verifier's decision, a new version when a photo arrives. */

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

/** A new version of the report (a photo arrived): clients holding the old one see it is stale. */
export async function bumpVersion(db: Sequelize, reportId: string, transaction: Transaction): Promise<void> {
  await db.query(`UPDATE reports SET version = version + 1 WHERE id = :reportId`, { replacements: { reportId }, transaction });
}
