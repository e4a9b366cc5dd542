import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/** A report's uploaded photos (the files are photo-store's; these are their rows). */

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

export async function hasAttachment(db: Sequelize, reportId: string, sha256: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM attachments WHERE report_id = :reportId AND sha256 = :sha256`, {
    replacements: { reportId, sha256 },
    type: QueryTypes.SELECT,
  });
  return rows.length > 0;
}
