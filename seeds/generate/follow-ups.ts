import { agenciesFor, instructionFor, responseFor, type Agency } from "./agencies.ts";
import { DAY, HOUR, MINUTE } from "./calendar.ts";
import type { AssignmentRow, Extra } from "./extras.ts";
import type { Person } from "./lifecycle.ts";
import { officeTime } from "./lifecycle.ts";
import type { Random } from "./random.ts";
import type { AuditRow, EventRow } from "./rows.ts";

/**
 * Tindak lanjut: a verified report or an incident assigned to the agencies that act on its sub-category,
 * deadline three days out (now and then a week); most answer, some late, some never (overdue on the
 * board), and staff close what is done. Written as follow-ups/ writes it: the assignment row, `assigned`,
 * `responded`, `assignment_closed` in the trail of every report concerned, and the audit entries.
 */

export interface FollowUpTarget {
  type: "report" | "incident";
  id: string;
  /** An incident's number (a report's comes from the database). */
  incidentNumber?: string;
  /** The reports whose trail hears of it: the report, or the incident's members at the time. */
  reportIds: string[];
  subCategory: string;
  kecNama: string;
  assignedAt: number;
  /** Who assigns, and enters the agencies' responses on their behalf. */
  staff: Person;
}

const CLOSE_NOTES = ["Tanggapan diterima; dinyatakan selesai.", "Selesai ditindaklanjuti.", "Ditutup setelah dikonfirmasi ke lapangan."];
const UNANSWERED = "Ditutup tanpa tanggapan; dibahas ulang dalam rapat koordinasi.";

const iso = (ms: number) => new Date(ms).toISOString();

export function addFollowUps(extra: Extra, rng: Random, t: FollowUpTarget, agencies: readonly Agency[], end: number): void {
  const chosen = agenciesFor(t.subCategory, t.kecNama, agencies).slice(0, rng.chance(0.6) ? 1 : 2);
  const at = officeTime(t.assignedAt, rng);
  if (!chosen.length || at > end) return;
  const target = t.type === "incident" ? { incidentId: t.id, incidentNumber: t.incidentNumber } : {};
  const number = t.type === "incident" ? { number: t.incidentNumber } : {};
  const numberOf = t.type === "report" ? t.id : null;
  const numberKey = t.type === "report" ? ("number" as const) : null;

  for (const agency of chosen) {
    const id = rng.uuid();
    const deadline = at + (rng.chance(0.8) ? 3 : 7) * DAY;
    const instruction = instructionFor(agency.kind, rng.pick);
    const a: AssignmentRow = {
      id,
      reportId: t.type === "report" ? t.id : null,
      incidentId: t.type === "incident" ? t.id : null,
      agencyId: agency.id,
      instruction,
      deadline: iso(deadline),
      status: "open",
      response: null,
      respondedAt: null,
      respondedBy: null,
      closeNote: null,
      closedAt: null,
      closedBy: null,
      createdAt: iso(at),
      createdBy: t.staff.id,
    };
    const facts = { assignmentId: id, agencyId: agency.id, agencyName: agency.name };
    const trail = (action: string, when: number, note: string | null, details: Record<string, unknown>): EventRow[] =>
      t.reportIds.map((reportId) => ({ reportId, actorId: t.staff.id, action, fromStatus: null, toStatus: null, note, details, at: iso(when) }));
    const audit = (action: string, when: number, details: Record<string, unknown>): AuditRow => ({
      action,
      actorId: t.staff.id,
      actorUsername: t.staff.username,
      targetType: "assignment",
      targetId: id,
      details,
      numberOf,
      numberKey,
      at: iso(when),
    });
    extra.events.push(...trail("assigned", at, instruction, { ...target, ...facts, deadline: a.deadline }));
    extra.audit.push(audit("followup.assigned", at, { target: t.type, targetId: t.id, ...number, ...facts, deadline: a.deadline }));

    // Answers take from hours to a couple of weeks: a third come after the deadline.
    const respondedAt = officeTime(at + Math.round((2 + rng.next() ** 2 * 300) * HOUR), rng);
    if (rng.chance(0.78) && respondedAt <= end) {
      a.status = "responded";
      a.response = responseFor(agency.kind, rng.pick);
      a.respondedAt = iso(respondedAt);
      a.respondedBy = t.staff.id;
      extra.events.push(...trail("responded", respondedAt, a.response, { ...facts, ...target }));
      extra.audit.push(audit("followup.responded", respondedAt, { ...facts, ...target, ...number }));
      const closedAt = officeTime(respondedAt + rng.int(6, 72) * HOUR, rng);
      if (rng.chance(0.8) && closedAt <= end) close(a, closedAt, rng.pick(CLOSE_NOTES));
    } else {
      const closedAt = officeTime(deadline + rng.int(5, 20) * DAY + rng.int(0, 600) * MINUTE, rng);
      if (rng.chance(0.55) && closedAt <= end) close(a, closedAt, UNANSWERED);
    }
    extra.assignments.push(a);

    function close(row: AssignmentRow, when: number, note: string) {
      row.status = "closed";
      row.closeNote = note;
      row.closedAt = iso(when);
      row.closedBy = t.staff.id;
      extra.events.push(...trail("assignment_closed", when, note, { ...facts, ...target }));
      extra.audit.push(audit("followup.closed", when, { ...facts, ...target, ...number }));
    }
  }
}
