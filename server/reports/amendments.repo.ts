import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { ReportStatus } from "@contract/reports.ts";

/** The amendment flag of a report (`amended_at`): set by intake (intake-revisions.repo.ts), cleared here. */

export interface AmendmentRow {
  id: string;
  status: ReportStatus;
  version: number;
  revision: number;
  kecamatan_kode: string;
  author_id: string;
  amended_at: Date | null;
}

/** The report, locked until the transaction ends, as a review of its amendment checks it. */
export async function lockAmendment(db: Sequelize, id: string, transaction: Transaction): Promise<AmendmentRow | undefined> {
  const [row] = await db.query<AmendmentRow>(
    `SELECT id, status, version, revision, kecamatan_kode, author_id, amended_at FROM reports WHERE id = :id FOR UPDATE`,
    { replacements: { id }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** The amendment has been reviewed: the flag goes, and the version moves on (clients holding it see that). */
export async function clearAmendment(db: Sequelize, id: string, transaction: Transaction): Promise<void> {
  await db.query(`UPDATE reports SET amended_at = NULL, version = version + 1 WHERE id = :id`, { replacements: { id }, transaction });
}
