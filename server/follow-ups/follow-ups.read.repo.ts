import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { AgencyKind, FollowUpListQuery, FollowUpStatus } from "@contract/follow-ups.ts";
import type { ReportStatus } from "@contract/reports.ts";

/**
 * Reads of assignments, the board, and the reports and incidents an assignment may go to. Scope: the
 * kecamatan a reader may see (null: all); an assignment is visible when its report's kecamatan is, or any
 * kecamatan of its incident. Overdue is computed against `now`, the application's clock.
 */

export interface AssignmentRow {
  id: string;
  report_id: string | null;
  incident_id: string | null;
  target_number: string;
  target_title: string;
  /** The kecamatan of the target: who hears of changes. */
  target_kecamatan: string[];
  agency_id: string;
  agency_name: string;
  agency_kind: AgencyKind;
  instruction: string;
  deadline: Date;
  status: FollowUpStatus;
  overdue: boolean;
  response: string | null;
  responded_at: Date | null;
  responded_by: string | null;
  responded_by_name: string | null;
  close_note: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  closed_by_name: string | null;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  total: number;
}

const ASSIGNMENT_SELECT = `
  SELECT a.id, a.report_id, a.incident_id, COALESCE(r.number, i.number) AS target_number,
         COALESCE(r.perihal, i.title) AS target_title,
         CASE WHEN r.id IS NOT NULL THEN ARRAY[r.kecamatan_kode] ELSE i.kecamatan_kodes END AS target_kecamatan,
         a.agency_id, g.name AS agency_name, g.kind AS agency_kind, a.instruction, a.deadline, a.status,
         (a.status = 'open' AND a.deadline < CAST(:now AS timestamptz)) AS overdue,
         a.response, a.responded_at, a.responded_by, ru.display_name AS responded_by_name,
         a.close_note, a.closed_at, a.closed_by, cu.display_name AS closed_by_name,
         a.created_at, a.created_by, au.display_name AS created_by_name, count(*) OVER () AS total
  FROM followup_assignments a
  JOIN agencies g ON g.id = a.agency_id
  JOIN users au ON au.id = a.created_by
  LEFT JOIN users ru ON ru.id = a.responded_by
  LEFT JOIN users cu ON cu.id = a.closed_by
  LEFT JOIN reports r ON r.id = a.report_id
  LEFT JOIN incidents i ON i.id = a.incident_id`;

const IN_SCOPE = `(CAST(:scope AS text[]) IS NULL OR r.kecamatan_kode = ANY (CAST(:scope AS text[]))
                   OR i.kecamatan_kodes && CAST(:scope AS text[]))`;

const scopeParam = (scope: string[] | null) => (scope ? `{${scope.join(",")}}` : null);

export async function getAssignmentRowsByIds(
  db: Sequelize,
  ids: string[],
  scope: string[] | null,
  now: Date,
  transaction?: Transaction,
): Promise<AssignmentRow[]> {
  if (!ids.length) return [];
  return db.query<AssignmentRow>(`${ASSIGNMENT_SELECT} WHERE a.id = ANY (CAST(:ids AS uuid[])) AND ${IN_SCOPE} ORDER BY a.created_at, a.id`, {
    replacements: { ids: `{${ids.join(",")}}`, scope: scopeParam(scope), now: now.toISOString() },
    type: QueryTypes.SELECT,
    transaction,
  });
}

/**
 * A page of assignments, soonest deadline first. `report` takes the report's own assignments and those
 * of the incident it belongs to.
 */
export async function listAssignmentRows(db: Sequelize, q: FollowUpListQuery, scope: string[] | null, now: Date): Promise<AssignmentRow[]> {
  return db.query<AssignmentRow>(
    `${ASSIGNMENT_SELECT}
     WHERE ${IN_SCOPE}
       AND (CAST(:status AS text) IS NULL OR a.status = :status)
       AND (CAST(:agency AS uuid) IS NULL OR a.agency_id = CAST(:agency AS uuid))
       AND (CAST(:overdue AS boolean) IS NULL OR (a.status = 'open' AND a.deadline < CAST(:now AS timestamptz)) = :overdue)
       AND (CAST(:incident AS uuid) IS NULL OR a.incident_id = CAST(:incident AS uuid))
       AND (CAST(:report AS uuid) IS NULL OR a.report_id = CAST(:report AS uuid)
            OR a.incident_id = (SELECT x.incident_id FROM incident_reports x WHERE x.report_id = CAST(:report AS uuid)))
     ORDER BY a.deadline, a.id
     LIMIT :limit OFFSET :offset`,
    {
      replacements: {
        scope: scopeParam(scope),
        now: now.toISOString(),
        status: q.status ?? null,
        agency: q.agency ?? null,
        overdue: q.overdue ?? null,
        incident: q.incident ?? null,
        report: q.report ?? null,
        limit: q.limit,
        offset: q.offset,
      },
      type: QueryTypes.SELECT,
    },
  );
}

export interface BoardRow {
  id: string;
  name: string;
  kind: AgencyKind;
  active: boolean;
  open: number;
  overdue: number;
  responded: number;
  closed: number;
  avg_response_hours: number | null;
}

/** Per agency (active, or with assignments in scope): counts by state and the mean time to respond. */
export async function getBoardRows(db: Sequelize, scope: string[] | null, now: Date): Promise<BoardRow[]> {
  return db.query<BoardRow>(
    `WITH scoped AS (
       SELECT a.* FROM followup_assignments a
       LEFT JOIN reports r ON r.id = a.report_id
       LEFT JOIN incidents i ON i.id = a.incident_id
       WHERE ${IN_SCOPE}
     )
     SELECT g.id, g.name, g.kind, g.active,
            count(s.id) FILTER (WHERE s.status = 'open')::int AS open,
            count(s.id) FILTER (WHERE s.status = 'open' AND s.deadline < CAST(:now AS timestamptz))::int AS overdue,
            count(s.id) FILTER (WHERE s.status = 'responded')::int AS responded,
            count(s.id) FILTER (WHERE s.status = 'closed')::int AS closed,
            avg(extract(epoch FROM s.responded_at - s.created_at) / 3600) FILTER (WHERE s.responded_at IS NOT NULL) AS avg_response_hours
     FROM agencies g LEFT JOIN scoped s ON s.agency_id = g.id
     GROUP BY g.id
     HAVING g.active OR count(s.id) > 0
     ORDER BY 6 DESC, 5 DESC, lower(g.name)`,
    { replacements: { scope: scopeParam(scope), now: now.toISOString() }, type: QueryTypes.SELECT },
  );
}

/** A report an assignment may go to, with what assigning checks. */
export interface ReportTarget {
  id: string;
  number: string;
  status: ReportStatus;
  kecamatan_kode: string;
  author_id: string;
}

export async function getReportTargets(db: Sequelize, ids: string[], transaction?: Transaction): Promise<ReportTarget[]> {
  if (!ids.length) return [];
  return db.query<ReportTarget>(`SELECT id, number, status, kecamatan_kode, author_id FROM reports WHERE id = ANY (CAST(:ids AS uuid[]))`, {
    replacements: { ids: `{${ids.join(",")}}` },
    type: QueryTypes.SELECT,
    transaction,
  });
}

/** An incident an assignment may go to, with its reports now (whose trails hear of it). */
export interface IncidentTarget {
  id: string;
  number: string;
  dissolved_at: Date | null;
  kecamatan_kodes: string[];
  report_ids: string[];
}

export async function getIncidentTarget(db: Sequelize, id: string, transaction?: Transaction): Promise<IncidentTarget | undefined> {
  const [row] = await db.query<IncidentTarget>(
    `SELECT i.id, i.number, i.dissolved_at, i.kecamatan_kodes,
            COALESCE((SELECT array_agg(x.report_id ORDER BY x.report_id) FROM incident_reports x WHERE x.incident_id = i.id), '{}') AS report_ids
     FROM incidents i WHERE i.id = :id`,
    { replacements: { id }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}
