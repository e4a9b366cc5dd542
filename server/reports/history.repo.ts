import { QueryTypes, type Sequelize } from "sequelize";

/** Reads of a report's past: its event trail and the revisions its submissions stored. */

export interface ReportEventRow {
  id: string;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  details: Record<string, unknown> | null;
}

/** Every event of a report, oldest first (by id: the order they were written in, also within one commit). */
export async function getReportEvents(db: Sequelize, reportId: string): Promise<ReportEventRow[]> {
  return db.query<ReportEventRow>(
    `SELECT e.id::text AS id, e.at, e.action, e.actor_id, u.display_name AS actor_name, u.role AS actor_role,
            e.from_status, e.to_status, e.note, e.details
     FROM report_events e
     LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.report_id = :reportId
     ORDER BY e.id`,
    { replacements: { reportId }, type: QueryTypes.SELECT },
  );
}

export interface RevisionRowSummary {
  revision: number;
  received_at: Date;
  client_id: string;
}

export async function getRevisionList(db: Sequelize, reportId: string): Promise<RevisionRowSummary[]> {
  return db.query<RevisionRowSummary>(
    `SELECT revision, received_at, client_id FROM report_revisions WHERE report_id = :reportId ORDER BY revision`,
    { replacements: { reportId }, type: QueryTypes.SELECT },
  );
}

/** Revisions by number, with the payloads as submitted (the diff needs two, the viewer one). */
export async function getRevisionPayloads(
  db: Sequelize,
  reportId: string,
  revisions: number[],
): Promise<(RevisionRowSummary & { payload: Record<string, unknown> })[]> {
  return db.query<RevisionRowSummary & { payload: Record<string, unknown> }>(
    `SELECT revision, received_at, client_id, payload FROM report_revisions
     WHERE report_id = :reportId AND revision IN (:revisions)
     ORDER BY revision`,
    { replacements: { reportId, revisions }, type: QueryTypes.SELECT },
  );
}
