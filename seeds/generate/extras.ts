import type { AuditRow, EventRow } from "./rows.ts";

/**
 * What happens around reports once they are in: incidents merging them, assignments to partner agencies.
 * Each extra is written after the reports it names are stored (`after`: the latest arrival among them),
 * with its own events and audit entries, shaped as incidents/ and follow-ups/ write them.
 */

export interface IncidentRow {
  id: string;
  number: string;
  title: string;
  bidang: string | null;
  kerawanan: string;
  firstAt: string;
  lastAt: string;
  kecamatanKode: string;
  kecamatanKodes: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemberRow {
  reportId: string;
  incidentId: string;
  mergedBy: string;
  mergedAt: string;
}

export interface AssignmentRow {
  id: string;
  reportId: string | null;
  incidentId: string | null;
  agencyId: string;
  instruction: string;
  deadline: string;
  status: "open" | "responded" | "closed";
  response: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
  closeNote: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdAt: string;
  createdBy: string;
}

export interface Extra {
  /** The latest arrival among the reports it names: written once the stream has stored past it. */
  after: number;
  reportIds: string[];
  incident: IncidentRow | null;
  members: MemberRow[];
  assignments: AssignmentRow[];
  events: EventRow[];
  audit: AuditRow[];
}

export const emptyExtra = (after: number, reportIds: string[]): Extra => ({ after, reportIds, incident: null, members: [], assignments: [], events: [], audit: [] });
