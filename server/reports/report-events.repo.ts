import type { Sequelize, Transaction } from "sequelize";

/**
 * The one door into a report's event trail for everything after intake: claims, decisions, merges,
 * assignments, responses, amendments, publication. Other capabilities (incidents, follow-ups) call this
 * rather than writing `report_events` themselves, so the trail has one writer.
 */
export type ReportEventAction =
  | "submitted"
  | "revised"
  | "amended"
  | "amendment_reviewed"
  | "claimed"
  | "released"
  | "claim_broken"
  | "status_changed"
  | "merged"
  | "unmerged"
  | "published"
  | "unpublished"
  | "assigned"
  | "responded"
  | "assignment_closed";

export interface ReportEventInput {
  reportId: string;
  actorId: string | null;
  action: ReportEventAction;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  /** Structured facts the history shows: `{ incidentId, incidentNumber }`, `{ agencyId, agencyName }`, … */
  details?: Record<string, unknown> | null;
}

export async function appendReportEvents(db: Sequelize, events: ReportEventInput[], transaction?: Transaction): Promise<void> {
  if (!events.length) return;
  const rows = events.map((e) => ({
    reportId: e.reportId,
    actorId: e.actorId,
    action: e.action,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    note: e.note ?? null,
    details: e.details ?? null,
  }));
  await db.query(
    `INSERT INTO report_events (report_id, actor_id, action, from_status, to_status, note, details)
     SELECT "reportId", "actorId", action, "fromStatus", "toStatus", note, details
     FROM jsonb_to_recordset(CAST(:rows AS jsonb))
       AS x("reportId" uuid, "actorId" uuid, action text, "fromStatus" text, "toStatus" text, note text, details jsonb)`,
    { replacements: { rows: JSON.stringify(rows) }, transaction },
  );
}
