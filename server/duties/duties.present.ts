import type { DutySettings, DutyView } from "@contract/duties.ts";
import type { DutyRow } from "./duties.repo.ts";
import { reminderAt } from "./duty-rules.ts";

/** A duty as its officer and their supervisors see it. */
export function presentDuty(d: DutyRow, settings: DutySettings): DutyView {
  const dueAt = new Date(d.due_at);
  return {
    officerId: d.officer_id,
    kind: d.kind,
    period: d.period,
    dueAt: dueAt.toISOString(),
    remindAt: reminderAt(dueAt, settings).toISOString(),
    status: d.status,
    reportId: d.report_id,
    sentAt: d.sent_at ? new Date(d.sent_at).toISOString() : null,
  };
}
