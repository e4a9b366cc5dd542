import { QueryTypes, type Sequelize } from "sequelize";
import type { DutySettings } from "@contract/duties.ts";

/** Settings, holidays, leave and officers' start days: what the duty rules read (see migration 0015). */

export async function getDutySettings(db: Sequelize): Promise<unknown | null> {
  const [row] = await db.query<{ settings: unknown }>(`SELECT settings FROM duty_settings`, { type: QueryTypes.SELECT });
  return row?.settings ?? null;
}

export async function saveDutySettings(db: Sequelize, settings: DutySettings, by: string | null): Promise<void> {
  await db.query(
    `INSERT INTO duty_settings (id, settings, updated_by, updated_at) VALUES (true, CAST(:settings AS jsonb), :by, now())
     ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    { replacements: { settings: JSON.stringify(settings), by } },
  );
}

export interface HolidayRow {
  day: string;
  name: string;
}

/** Holidays from `from` to `to` (inclusive; null: unbounded). */
export async function getHolidays(db: Sequelize, from: string | null, to: string | null): Promise<HolidayRow[]> {
  return db.query<HolidayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, name FROM holidays
     WHERE (CAST(:from AS date) IS NULL OR day >= CAST(:from AS date)) AND (CAST(:to AS date) IS NULL OR day <= CAST(:to AS date))
     ORDER BY day`,
    { replacements: { from, to }, type: QueryTypes.SELECT },
  );
}

export async function upsertHoliday(db: Sequelize, h: HolidayRow, by: string | null): Promise<void> {
  await db.query(
    `INSERT INTO holidays (day, name, created_by) VALUES (CAST(:day AS date), :name, :by) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name`,
    { replacements: { ...h, by } },
  );
}

/** The holiday removed, or null when there was none that day. */
export async function deleteHoliday(db: Sequelize, day: string): Promise<{ name: string } | null> {
  const [row] = await db.query<{ name: string }>(`DELETE FROM holidays WHERE day = CAST(:day AS date) RETURNING name`, { replacements: { day }, type: QueryTypes.SELECT });
  return row ?? null;
}

export interface LeaveRow {
  id: string;
  officer_id: string;
  officer_name: string;
  kecamatan_kode: string | null;
  first_day: string;
  last_day: string;
  reason: string;
}

const LEAVE_COLUMNS = `l.id, l.officer_id, u.display_name AS officer_name, u.kecamatan_kode,
  to_char(l.first_day, 'YYYY-MM-DD') AS first_day, to_char(l.last_day, 'YYYY-MM-DD') AS last_day, l.reason`;

/** Leave overlapping `from`…`to` (inclusive, null: unbounded), of these officers and kecamatan (null: any). */
export async function getLeave(
  db: Sequelize,
  f: { officerIds: string[] | null; kecamatan: string[] | null; from: string | null; to: string | null },
): Promise<LeaveRow[]> {
  return db.query<LeaveRow>(
    `SELECT ${LEAVE_COLUMNS} FROM officer_leave l JOIN users u ON u.id = l.officer_id
     WHERE (CAST(:officers AS uuid[]) IS NULL OR l.officer_id = ANY (CAST(:officers AS uuid[])))
       AND (CAST(:kecamatan AS text[]) IS NULL OR u.kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
       AND (CAST(:from AS date) IS NULL OR l.last_day >= CAST(:from AS date))
       AND (CAST(:to AS date) IS NULL OR l.first_day <= CAST(:to AS date))
     ORDER BY l.first_day, u.display_name`,
    {
      replacements: {
        officers: f.officerIds ? `{${f.officerIds.join(",")}}` : null,
        kecamatan: f.kecamatan ? `{${f.kecamatan.join(",")}}` : null,
        from: f.from,
        to: f.to,
      },
      type: QueryTypes.SELECT,
    },
  );
}

export async function insertLeave(db: Sequelize, l: { officerId: string; firstDay: string; lastDay: string; reason: string }, by: string | null): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO officer_leave (officer_id, first_day, last_day, reason, created_by)
     VALUES (:officerId, CAST(:firstDay AS date), CAST(:lastDay AS date), :reason, :by) RETURNING id`,
    { replacements: { ...l, by }, type: QueryTypes.SELECT },
  );
  return row!.id;
}

export async function getLeaveById(db: Sequelize, id: string): Promise<LeaveRow | undefined> {
  const [row] = await db.query<LeaveRow>(`SELECT ${LEAVE_COLUMNS} FROM officer_leave l JOIN users u ON u.id = l.officer_id WHERE l.id = :id`, {
    replacements: { id },
    type: QueryTypes.SELECT,
  });
  return row;
}

export async function deleteLeave(db: Sequelize, id: string): Promise<void> {
  await db.query(`DELETE FROM officer_leave WHERE id = :id`, { replacements: { id } });
}

export interface OfficerRow {
  id: string;
  display_name: string;
  kecamatan_kode: string;
  active: boolean;
  /** The day duties begin: the admin's, else the WITA day the account was made. */
  owes_from: string;
  set_by_admin: boolean;
}

/** Officers (active ones only unless `includeInactive`), all or the given ones. */
export async function getOfficers(db: Sequelize, ids: string[] | null, includeInactive = false): Promise<OfficerRow[]> {
  return db.query<OfficerRow>(
    `SELECT u.id, u.display_name, u.kecamatan_kode, u.active,
            to_char(coalesce(o.owes_from, (u.created_at AT TIME ZONE 'Asia/Makassar')::date), 'YYYY-MM-DD') AS owes_from,
            o.owes_from IS NOT NULL AS set_by_admin
     FROM users u LEFT JOIN duty_officers o ON o.officer_id = u.id
     WHERE u.role = 'officer' AND (:includeInactive OR u.active)
       AND (CAST(:ids AS uuid[]) IS NULL OR u.id = ANY (CAST(:ids AS uuid[])))
     ORDER BY u.kecamatan_kode, u.display_name`,
    { replacements: { ids: ids ? `{${ids.join(",")}}` : null, includeInactive }, type: QueryTypes.SELECT },
  );
}

/** An admin's start day for an officer; null returns to the account's creation day. */
export async function setOfficerStart(db: Sequelize, officerId: string, owesFrom: string | null, by: string | null): Promise<void> {
  if (owesFrom === null) {
    await db.query(`DELETE FROM duty_officers WHERE officer_id = :officerId`, { replacements: { officerId } });
    return;
  }
  await db.query(
    `INSERT INTO duty_officers (officer_id, owes_from, updated_by) VALUES (:officerId, CAST(:owesFrom AS date), :by)
     ON CONFLICT (officer_id) DO UPDATE SET owes_from = EXCLUDED.owes_from, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    { replacements: { officerId, owesFrom, by } },
  );
}
