import { QueryTypes, type Sequelize } from "sequelize";
import type { Bidang, Kerawanan } from "@contract/reports.ts";

/**
 * What a periodic draft reads of one officer's own reports. Rejected reports are left out: a verifier found
 * them wrong, and a weekly or monthly report must not count them again.
 */

export interface OwnSituationRow {
  id: string;
  number: string;
  perihal: string;
  bidang: Bidang;
  kerawanan: Kerawanan;
  occurred_at: Date;
  desa: string | null;
}

/** The officer's situation reports that happened in [start, end). */
export async function getOwnSituations(db: Sequelize, authorId: string, start: Date, end: Date): Promise<OwnSituationRow[]> {
  return db.query<OwnSituationRow>(
    `SELECT r.id, r.number, r.perihal, r.bidang, r.kerawanan, r.occurred_at, d.nama AS desa
     FROM reports r LEFT JOIN regions d ON d.kode = r.desa_kode
     WHERE r.author_id = :authorId AND r.kind = 'situation' AND r.status <> 'rejected'
       AND r.occurred_at >= :start AND r.occurred_at < :end
     ORDER BY r.occurred_at, r.number`,
    { replacements: { authorId, start, end }, type: QueryTypes.SELECT },
  );
}

/** How many situation reports of the officer happened in [start, end): the period before, for the trend. */
export async function countOwnSituations(db: Sequelize, authorId: string, start: Date, end: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reports
     WHERE author_id = :authorId AND kind = 'situation' AND status <> 'rejected' AND occurred_at >= :start AND occurred_at < :end`,
    { replacements: { authorId, start, end }, type: QueryTypes.SELECT },
  );
  return row?.n ?? 0;
}

export interface OwnDailyRow {
  period: string;
  agenda_besok: string | null;
  potensi_masalah: string | null;
}

/** The officer's daily reports for the days from `firstDay` to `lastDay` (inclusive), oldest first. */
export async function getOwnDailies(db: Sequelize, authorId: string, firstDay: string, lastDay: string): Promise<OwnDailyRow[]> {
  return db.query<OwnDailyRow>(
    `SELECT period, body ->> 'agendaBesok' AS agenda_besok, body ->> 'potensiMasalah' AS potensi_masalah
     FROM reports
     WHERE author_id = :authorId AND kind = 'daily' AND status <> 'rejected' AND period BETWEEN :firstDay AND :lastDay
     ORDER BY period`,
    { replacements: { authorId, firstDay, lastDay }, type: QueryTypes.SELECT },
  );
}
