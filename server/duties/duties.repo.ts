import { QueryTypes, type Sequelize } from "sequelize";
import type { DutyKind, DutyStatus } from "@contract/duties.ts";
import type { DutyPeriod } from "./duty-rules.ts";

/** The `duties` table and what judging a duty reads of the reports (see migration 0015). */

export interface DutyRow {
  officer_id: string;
  kind: DutyKind;
  period: string;
  period_start: string;
  kecamatan_kode: string;
  due_at: Date;
  status: DutyStatus;
  report_id: string | null;
  sent_at: Date | null;
}

/** Any constant: serialises writers of the duties (the job on two nodes, an admin's holiday). */
const DUTIES_LOCK_KEY = 7_300_601;

/**
 * Store what the rules decided for `scope` (periods × officers): rows written or changed, rows of the
 * scope no longer owed deleted (a holiday added afterwards). Unchanged rows are left alone, so
 * `judged_at` says when a duty last changed; a reminder already sent stays sent unless the deadline moved.
 * Returns rows inserted, changed or deleted.
 */
export async function saveDuties(db: Sequelize, rows: DutyRow[], scope: { periods: DutyPeriod[]; officerIds: string[] }, now: Date): Promise<number> {
  if (!scope.periods.length || !scope.officerIds.length) return 0;
  return db.transaction(async (transaction) => {
    await db.query(`SELECT pg_advisory_xact_lock(${DUTIES_LOCK_KEY}) AS locked`, { type: QueryTypes.SELECT, transaction });
    const [result] = await db.query<{ n: number }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(
           officer_id uuid, kind text, period text, period_start date, kecamatan_kode text, due_at timestamptz,
           status text, report_id uuid, sent_at timestamptz)
       ), scope AS (
         SELECT * FROM jsonb_to_recordset(CAST(:periods AS jsonb)) AS s(kind text, period text)
       ), gone AS (
         DELETE FROM duties d USING scope s
         WHERE d.kind = s.kind AND d.period = s.period AND d.officer_id = ANY (CAST(:officers AS uuid[]))
           AND NOT EXISTS (SELECT 1 FROM input i WHERE i.officer_id = d.officer_id AND i.kind = d.kind AND i.period = d.period)
         RETURNING 1
       ), written AS (
         INSERT INTO duties (officer_id, kind, period, period_start, kecamatan_kode, due_at, status, report_id, sent_at, judged_at)
         SELECT officer_id, kind, period, period_start, kecamatan_kode, due_at, status, report_id, sent_at, :now FROM input
         ON CONFLICT (officer_id, kind, period) DO UPDATE SET
           period_start = EXCLUDED.period_start, kecamatan_kode = EXCLUDED.kecamatan_kode, due_at = EXCLUDED.due_at,
           status = EXCLUDED.status, report_id = EXCLUDED.report_id, sent_at = EXCLUDED.sent_at, judged_at = EXCLUDED.judged_at,
           reminded_at = CASE WHEN duties.due_at = EXCLUDED.due_at THEN duties.reminded_at END
         WHERE (duties.kecamatan_kode, duties.due_at, duties.status, duties.report_id, duties.sent_at)
           IS DISTINCT FROM (EXCLUDED.kecamatan_kode, EXCLUDED.due_at, EXCLUDED.status, EXCLUDED.report_id, EXCLUDED.sent_at)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM gone)::int + (SELECT count(*) FROM written)::int AS n`,
      {
        replacements: { rows: JSON.stringify(rows), periods: JSON.stringify(scope.periods), officers: `{${scope.officerIds.join(",")}}`, now },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return result?.n ?? 0;
  });
}

export interface Submission {
  author_id: string;
  kind: DutyKind;
  period: string;
  report_id: string;
  /** When the phone saved the first submission (a later revision does not make a report late). */
  sent_at: Date;
}

/** The periodic reports of these officers for these periods, with their first submission's save time. */
export async function getSubmissions(db: Sequelize, officerIds: string[], periods: DutyPeriod[]): Promise<Submission[]> {
  if (!officerIds.length || !periods.length) return [];
  return db.query<Submission>(
    `SELECT r.author_id, r.kind, r.period, r.id AS report_id,
            coalesce((SELECT CAST(v.payload ->> 'sentAt' AS timestamptz) FROM report_revisions v WHERE v.report_id = r.id AND v.revision = 1), r.sent_at) AS sent_at
     FROM reports r JOIN jsonb_to_recordset(CAST(:periods AS jsonb)) AS p(kind text, period text) ON p.kind = r.kind AND p.period = r.period
     WHERE r.author_id = ANY (CAST(:officers AS uuid[]))`,
    { replacements: { officers: `{${officerIds.join(",")}}`, periods: JSON.stringify(periods) }, type: QueryTypes.SELECT },
  );
}

/** The latest period start any duty has, to know how far back a check must look after downtime. */
export async function getLatestDutyDay(db: Sequelize): Promise<string | null> {
  const [row] = await db.query<{ day: string | null }>(`SELECT to_char(max(period_start), 'YYYY-MM-DD') AS day FROM duties`, { type: QueryTypes.SELECT });
  return row?.day ?? null;
}

const DUTY_COLUMNS = `officer_id, kind, period, to_char(period_start, 'YYYY-MM-DD') AS period_start, kecamatan_kode, due_at, status, report_id, sent_at`;

/** Duties whose period begins between `from` and `to` (inclusive), of one officer or those of some kecamatan. */
export async function getDuties(db: Sequelize, f: { officerId: string | null; kecamatan: string[] | null; from: string; to: string }): Promise<DutyRow[]> {
  return db.query<DutyRow>(
    `SELECT ${DUTY_COLUMNS} FROM duties
     WHERE period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date)
       AND (CAST(:officerId AS uuid) IS NULL OR officer_id = CAST(:officerId AS uuid))
       AND (CAST(:kecamatan AS text[]) IS NULL OR kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
     ORDER BY period_start, kind`,
    { replacements: { ...f, kecamatan: f.kecamatan ? `{${f.kecamatan.join(",")}}` : null }, type: QueryTypes.SELECT },
  );
}

/** Open duties whose reminder time has come (their deadline still ahead) and that were not reminded yet. */
export async function getRemindersDue(db: Sequelize, now: Date, leadMinutes: number): Promise<DutyRow[]> {
  return db.query<DutyRow>(
    `SELECT ${DUTY_COLUMNS} FROM duties
     WHERE status = 'pending' AND reminded_at IS NULL AND due_at > :now AND due_at - make_interval(mins => :lead) <= :now`,
    { replacements: { now, lead: leadMinutes }, type: QueryTypes.SELECT },
  );
}

export async function markReminded(db: Sequelize, duties: Pick<DutyRow, "officer_id" | "kind" | "period">[], now: Date): Promise<void> {
  if (!duties.length) return;
  await db.query(
    `UPDATE duties d SET reminded_at = :now FROM jsonb_to_recordset(CAST(:keys AS jsonb)) AS k(officer_id uuid, kind text, period text)
     WHERE d.officer_id = k.officer_id AND d.kind = k.kind AND d.period = k.period`,
    { replacements: { now, keys: JSON.stringify(duties.map(({ officer_id, kind, period }) => ({ officer_id, kind, period }))) } },
  );
}

/** Periodic reports that changed after seq `after` (up to `upTo`): whose duty may have moved. */
export async function getPeriodicChangedSince(db: Sequelize, after: number, upTo: number): Promise<{ author_id: string; kind: DutyKind; period: string }[]> {
  return db.query(
    `SELECT DISTINCT r.author_id, r.kind, r.period FROM changes c JOIN reports r ON r.id = c.entity_id
     WHERE c.seq > :after AND c.seq <= :upTo AND c.entity = 'report' AND r.kind <> 'situation'`,
    { replacements: { after, upTo }, type: QueryTypes.SELECT },
  );
}

export async function getDutyWatermark(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ seq: number }>(`SELECT seq FROM duty_watermark WHERE name = 'reports'`, { type: QueryTypes.SELECT });
  return Number(row?.seq ?? 0);
}

export async function setDutyWatermark(db: Sequelize, seq: number): Promise<void> {
  await db.query(
    `INSERT INTO duty_watermark (name, seq) VALUES ('reports', :seq) ON CONFLICT (name) DO UPDATE SET seq = GREATEST(duty_watermark.seq, EXCLUDED.seq)`,
    { replacements: { seq } },
  );
}

/** The last seq of the change log now. */
export async function getLastSeq(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM changes`, { type: QueryTypes.SELECT });
  return Number(row?.seq ?? 0);
}
