import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { FollowUpStatus } from "@contract/follow-ups.ts";

/** The writes of follow-up assignments (`followup_assignments`): nothing else writes that table. */

export interface NewAssignment {
  reportId: string | null;
  incidentId: string | null;
  agencyId: string;
  instruction: string;
  deadline: string;
  createdBy: string;
}

/**
 * One assignment per agency. An agency that has one not yet closed for the same target is skipped (the
 * partial unique index) and missing from the answer: the caller refuses the whole request then.
 */
export async function insertAssignments(db: Sequelize, rows: NewAssignment[], now: Date, transaction: Transaction): Promise<{ id: string; agency_id: string }[]> {
  if (!rows.length) return [];
  return db.query<{ id: string; agency_id: string }>(
    `INSERT INTO followup_assignments (report_id, incident_id, agency_id, instruction, deadline, created_at, created_by)
     SELECT "reportId", "incidentId", "agencyId", instruction, deadline, :now, "createdBy"
     FROM jsonb_to_recordset(CAST(:rows AS jsonb))
       AS x("reportId" uuid, "incidentId" uuid, "agencyId" uuid, instruction text, deadline timestamptz, "createdBy" uuid)
     ON CONFLICT DO NOTHING
     RETURNING id, agency_id`,
    { replacements: { rows: JSON.stringify(rows), now: now.toISOString() }, type: QueryTypes.SELECT, transaction },
  );
}

/** An assignment as a response or closing checks it, locked until the transaction ends. */
export interface LockedAssignment {
  id: string;
  status: FollowUpStatus;
  report_id: string | null;
  incident_id: string | null;
  agency_id: string;
}

export async function lockAssignment(db: Sequelize, id: string, transaction: Transaction): Promise<LockedAssignment | undefined> {
  const [row] = await db.query<LockedAssignment>(
    `SELECT id, status, report_id, incident_id, agency_id FROM followup_assignments WHERE id = :id FOR UPDATE`,
    { replacements: { id }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** The agency's response, entered by staff on its behalf: open → responded. */
export async function setResponse(db: Sequelize, r: { id: string; response: string; by: string; now: Date }, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE followup_assignments SET status = 'responded', response = :response, responded_at = :now, responded_by = :by
     WHERE id = :id`,
    { replacements: { ...r, now: r.now.toISOString() }, transaction },
  );
}

/** Done with, responded or not: → closed. */
export async function setClosed(db: Sequelize, c: { id: string; note: string | null; by: string; now: Date }, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE followup_assignments SET status = 'closed', close_note = :note, closed_at = :now, closed_by = :by
     WHERE id = :id`,
    { replacements: { ...c, now: c.now.toISOString() }, transaction },
  );
}
