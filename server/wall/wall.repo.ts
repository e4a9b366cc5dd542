import { QueryTypes, type Sequelize } from "sequelize";
import type { Bidang, Kerawanan, ReportKind, ReportStatus } from "@contract/reports.ts";

/**
 * The wall's reads (reports, the change log, duties) and its one table, `wall_settings` (migration 0023).
 * Every report read is a range on `received_at` (index reports_received_id_idx) or on status
 * (reports_status_received_idx): the wall counts reports by the WITA day they *arrived*, the same day a
 * live wall adds a `wall:report` to, so a snapshot and the live feed after it agree.
 */

export interface WallReportRow {
  id: string;
  number: string;
  kind: ReportKind;
  status: ReportStatus;
  classification: "biasa" | "rahasia";
  bidang: Bidang | null;
  kerawanan: Kerawanan;
  perihal: string;
  kecamatan_kode: string;
  kecamatan_nama: string;
  desa_nama: string | null;
  lng: number;
  lat: number;
  received_at: Date;
}

const WALL_REPORT_COLUMNS = `r.id, r.number, r.kind, r.status, r.classification, r.bidang, r.kerawanan, r.perihal,
  r.kecamatan_kode, k.nama AS kecamatan_nama, d.nama AS desa_nama, ST_X(r.location) AS lng, ST_Y(r.location) AS lat, r.received_at`;
const WALL_REPORT_FROM = `reports r JOIN regions k ON k.kode = r.kecamatan_kode LEFT JOIN regions d ON d.kode = r.desa_kode`;

/**
 * Every range below is closed at both ends: the service's clock says when "now" is (tests stand it on a
 * past day; a server's clock is the real one, and nothing arrives after it).
 */
export interface Range {
  from: Date;
  to: Date;
}

/** Reports received in the range, newest first. */
export async function getRecentReports(db: Sequelize, r: Range, limit: number): Promise<WallReportRow[]> {
  return db.query<WallReportRow>(
    `SELECT ${WALL_REPORT_COLUMNS} FROM ${WALL_REPORT_FROM} WHERE r.received_at >= :from AND r.received_at < :to
     ORDER BY r.received_at DESC, r.id DESC LIMIT :limit`,
    { replacements: { ...r, limit }, type: QueryTypes.SELECT },
  );
}

/**
 * The latest verified or published reports by when they were verified (their arrival for reports older
 * than that record), up to `to`, latest first: the order the live ticker puts a report in as its
 * verification arrives, so the minute's snapshot does not reshuffle it. Index reports_verified_order_idx.
 */
export async function getTickerReports(db: Sequelize, to: Date, limit: number): Promise<WallReportRow[]> {
  return db.query<WallReportRow>(
    `SELECT ${WALL_REPORT_COLUMNS} FROM ${WALL_REPORT_FROM}
     WHERE r.status IN ('verified', 'published') AND COALESCE(r.first_verified_at, r.received_at) < :to
     ORDER BY COALESCE(r.first_verified_at, r.received_at) DESC, r.id DESC LIMIT :limit`,
    { replacements: { to, limit }, type: QueryTypes.SELECT },
  );
}

/** Counts of the week's range by kerawanan and status, and of them those since `dayStart`. */
export async function getCounts(db: Sequelize, week: Range, dayStart: Date): Promise<{ kerawanan: Kerawanan; status: ReportStatus; week: number; today: number }[]> {
  return db.query(
    `SELECT kerawanan, status, count(*)::int AS week, (count(*) FILTER (WHERE received_at >= :dayStart))::int AS today
     FROM reports WHERE received_at >= :from AND received_at < :to GROUP BY kerawanan, status`,
    { replacements: { ...week, dayStart }, type: QueryTypes.SELECT },
  );
}

/** Reports per WITA day of arrival and kerawanan in the range. */
export async function getDailyCounts(db: Sequelize, r: Range): Promise<{ day: string; kerawanan: Kerawanan; n: number }[]> {
  return db.query(
    `SELECT to_char(received_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD') AS day, kerawanan, count(*)::int AS n
     FROM reports WHERE received_at >= :from AND received_at < :to GROUP BY 1, 2`,
    { replacements: { ...r }, type: QueryTypes.SELECT },
  );
}

/** Reports received in the range, per kecamatan. */
export async function getReportsByKecamatan(db: Sequelize, r: Range): Promise<{ kecamatan_kode: string; n: number }[]> {
  return db.query(`SELECT kecamatan_kode, count(*)::int AS n FROM reports WHERE received_at >= :from AND received_at < :to GROUP BY 1`, {
    replacements: { ...r },
    type: QueryTypes.SELECT,
  });
}

/**
 * Per kecamatan, the periodic reports due within [dayStart, dayEnd) as the duty check last stored them,
 * and how many of those have arrived — read from the reports now (the one-per-period index), not from
 * the duty's stored status, which waits for the next check. `periodFloor` bounds the scan: no deadline
 * lies more than ~100 days after its period began.
 */
export async function getDutiesDue(db: Sequelize, f: { dayStart: Date; dayEnd: Date; periodFloor: string }): Promise<{ kecamatan_kode: string; owed: number; received: number }[]> {
  return db.query(
    `SELECT d.kecamatan_kode, count(*)::int AS owed,
            (count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM reports r WHERE r.author_id = d.officer_id AND r.kind = d.kind AND r.period = d.period)))::int AS received
     FROM duties d
     WHERE d.period_start >= CAST(:periodFloor AS date) AND d.due_at >= :dayStart AND d.due_at < :dayEnd
     GROUP BY d.kecamatan_kode`,
    { replacements: f, type: QueryTypes.SELECT },
  );
}

export interface WallChangeRow {
  seq: number;
  at: Date;
  kind: string;
  /** Null when the report is gone. */
  report: WallReportRow | null;
}

/** Report changes after `after`, oldest first, each with its report as it is now: one round trip. */
export async function getReportChanges(db: Sequelize, after: number, limit: number): Promise<WallChangeRow[]> {
  const rows = await db.query<{ seq: string | number; at: Date; change_kind: string } & Partial<WallReportRow>>(
    `SELECT c.seq, c.at, c.kind AS change_kind, ${WALL_REPORT_COLUMNS}
     FROM changes c LEFT JOIN (${WALL_REPORT_FROM}) ON r.id = c.entity_id
     WHERE c.seq > :after AND c.entity = 'report'
     ORDER BY c.seq LIMIT :limit`,
    { replacements: { after, limit }, type: QueryTypes.SELECT },
  );
  return rows.map(({ seq, at, change_kind, ...r }) => ({ seq: Number(seq), at, kind: change_kind, report: r.id ? (r as WallReportRow) : null }));
}

export async function getWallSettingsRow(db: Sequelize): Promise<{ rotate_seconds: number; sound: boolean } | null> {
  const [row] = await db.query<{ rotate_seconds: number; sound: boolean }>(`SELECT rotate_seconds, sound FROM wall_settings`, { type: QueryTypes.SELECT });
  return row ?? null;
}

export async function putWallSettingsRow(db: Sequelize, s: { rotateSeconds: number; sound: boolean; by: string; now: Date }): Promise<void> {
  await db.query(
    `INSERT INTO wall_settings (id, rotate_seconds, sound, updated_at, updated_by) VALUES (true, :rotateSeconds, :sound, :now, :by)
     ON CONFLICT (id) DO UPDATE SET rotate_seconds = EXCLUDED.rotate_seconds, sound = EXCLUDED.sound,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    { replacements: s },
  );
}
