import type { AgencyView, FollowUpBoardRow, FollowUpView } from "@contract/follow-ups.ts";
import type { AgencyRow } from "./agencies.repo.ts";
import type { AssignmentRow, BoardRow } from "./follow-ups.read.repo.ts";

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
const person = (id: string | null, displayName: string | null) => (id && displayName ? { id, displayName } : null);

export function presentAgency(a: AgencyRow): AgencyView {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    contactPerson: a.contact_person,
    phone: a.phone,
    email: a.email,
    notes: a.notes,
    active: a.active,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
  };
}

export function presentAssignment(a: AssignmentRow): FollowUpView {
  return {
    id: a.id,
    target: {
      type: a.report_id ? "report" : "incident",
      id: (a.report_id ?? a.incident_id)!,
      number: a.target_number,
      title: a.target_title,
    },
    agency: { id: a.agency_id, name: a.agency_name, kind: a.agency_kind },
    instruction: a.instruction,
    deadline: iso(a.deadline),
    status: a.status,
    overdue: a.overdue,
    response: a.response,
    respondedAt: isoOrNull(a.responded_at),
    respondedBy: person(a.responded_by, a.responded_by_name),
    closeNote: a.close_note,
    closedAt: isoOrNull(a.closed_at),
    closedBy: person(a.closed_by, a.closed_by_name),
    createdAt: iso(a.created_at),
    createdBy: { id: a.created_by, displayName: a.created_by_name },
  };
}

export function presentBoardRow(b: BoardRow): FollowUpBoardRow {
  return {
    agency: { id: b.id, name: b.name, kind: b.kind, active: b.active },
    open: Number(b.open),
    overdue: Number(b.overdue),
    responded: Number(b.responded),
    closed: Number(b.closed),
    avgResponseHours: b.avg_response_hours === null ? null : Math.round(Number(b.avg_response_hours) * 10) / 10,
  };
}
