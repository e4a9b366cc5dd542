import { QueryTypes, type Sequelize } from "sequelize";

/** Reads for the scorecard: duties and reports per officer over a range of days. */

export interface ScorecardFilter {
  /** First and last day (inclusive). */
  from: string;
  to: string;
  /** Officers of these kecamatan (null: any). */
  kecamatan: string[] | null;
  officerId: string | null;
}

const filterReplacements = (f: ScorecardFilter) => ({ ...f, kecamatan: f.kecamatan ? `{${f.kecamatan.join(",")}}` : null });
const OFFICER_WHERE = `(CAST(:kecamatan AS text[]) IS NULL OR u.kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
  AND (CAST(:officerId AS uuid) IS NULL OR u.id = CAST(:officerId AS uuid))`;

export interface OfficerDutyCounts {
  officer_id: string;
  name: string;
  kecamatan_kode: string;
  owed: number;
  on_time: number;
  late: number;
  missing: number;
  pending: number;
}

/** Duties per officer whose period begins in the range. */
export async function getDutyCountsByOfficer(db: Sequelize, f: ScorecardFilter): Promise<OfficerDutyCounts[]> {
  return db.query<OfficerDutyCounts>(
    `SELECT d.officer_id, u.display_name AS name, u.kecamatan_kode, count(*)::int AS owed,
            count(*) FILTER (WHERE d.status = 'on_time')::int AS on_time, count(*) FILTER (WHERE d.status = 'late')::int AS late,
            count(*) FILTER (WHERE d.status = 'missing')::int AS missing, count(*) FILTER (WHERE d.status = 'pending')::int AS pending
     FROM duties d JOIN users u ON u.id = d.officer_id
     WHERE d.period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date) AND ${OFFICER_WHERE}
     GROUP BY 1, 2, 3`,
    { replacements: filterReplacements(f), type: QueryTypes.SELECT },
  );
}

export interface OfficerReportCounts {
  officer_id: string;
  name: string;
  kecamatan_kode: string;
  reports: number;
  verified: number;
  rejected: number;
}

/** Officers' reports counting in the range (the rollups' rule: rollup_day), and how verifiers decided them. */
export async function getReportCountsByOfficer(db: Sequelize, f: ScorecardFilter): Promise<OfficerReportCounts[]> {
  return db.query<OfficerReportCounts>(
    `SELECT u.id AS officer_id, u.display_name AS name, u.kecamatan_kode, count(*)::int AS reports,
            count(*) FILTER (WHERE r.status IN ('verified', 'published'))::int AS verified,
            count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected
     FROM reports r JOIN users u ON u.id = r.author_id
     WHERE u.role = 'officer' AND rollup_day(r.kind, r.period, r.occurred_at) BETWEEN CAST(:from AS date) AND CAST(:to AS date)
       AND ${OFFICER_WHERE}
     GROUP BY 1, 2, 3`,
    { replacements: filterReplacements(f), type: QueryTypes.SELECT },
  );
}

export interface OfficerReportRow {
  id: string;
  number: string;
  kind: string;
  period: string | null;
  perihal: string;
  bidang: string | null;
  kerawanan: string;
  status: string;
  occurred_at: Date;
  sent_at: Date;
  received_at: Date;
}

/** One officer's reports counting in the range, oldest first. */
export async function getOfficerReports(db: Sequelize, officerId: string, from: string, to: string): Promise<OfficerReportRow[]> {
  return db.query<OfficerReportRow>(
    `SELECT id, number, kind, period, perihal, bidang, kerawanan, status, occurred_at, sent_at, received_at FROM reports
     WHERE author_id = :officerId AND rollup_day(kind, period, occurred_at) BETWEEN CAST(:from AS date) AND CAST(:to AS date)
     ORDER BY rollup_day(kind, period, occurred_at), occurred_at`,
    { replacements: { officerId, from, to }, type: QueryTypes.SELECT },
  );
}
