import { QueryTypes, type Sequelize } from "sequelize";

/** A kecamatan monthly report as the summary reads it: who sent it, where from, how it stands, its body. */
export interface MonthlyReportRow {
  id: string;
  number: string;
  perihal: string;
  kecamatan_kode: string;
  officer_name: string;
  status: string;
  sent_at: Date;
  received_at: Date;
  body: unknown;
}

/**
 * Every monthly report of `month` (`2026-11`), of these kecamatan (null: all), first received first.
 * A monthly report counts on the 1st of its month (`rollup_day`), so the rollups' index on that day finds
 * the month's few monthly reports among a million others instead of scanning them all.
 */
export async function getMonthlyReports(db: Sequelize, month: string, kecamatan: string[] | null): Promise<MonthlyReportRow[]> {
  return db.query<MonthlyReportRow>(
    `SELECT r.id, r.number, r.perihal, r.kecamatan_kode, u.display_name AS officer_name, r.status, r.sent_at, r.received_at, r.body
     FROM reports r JOIN users u ON u.id = r.author_id
     WHERE rollup_day(r.kind, r.period, r.occurred_at) = CAST(:firstDay AS date) AND r.kind = 'monthly' AND r.period = :month
       AND (CAST(:kecamatan AS text[]) IS NULL OR r.kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
     ORDER BY r.kecamatan_kode, r.received_at, r.number`,
    { replacements: { month, firstDay: `${month}-01`, kecamatan: kecamatan ? `{${kecamatan.join(",")}}` : null }, type: QueryTypes.SELECT },
  );
}
