import type { FollowUpView } from "@contract/follow-ups.ts";
import type { IncidentView } from "@contract/incidents.ts";
import type { BulkDecision } from "@contract/claims.ts";
import type { ChangeStatusInput } from "@contract/reports.ts";

/** The status a keyboard decision asks for. */
export const STATUS_OF: Record<BulkDecision, ChangeStatusInput["status"]> = {
  verify: "verified",
  reject: "rejected",
  request_revision: "revision_requested",
};

/** Reports with an assignment past its deadline: assigned themselves, or through their incident. */
export function overdueReportIds(followUps: readonly FollowUpView[], incidents: readonly IncidentView[]): Set<string> {
  const ids = new Set<string>();
  for (const f of followUps) {
    if (!f.overdue) continue;
    if (f.target.type === "report") ids.add(f.target.id);
    else for (const id of incidents.find((i) => i.id === f.target.id)?.reportIds ?? []) ids.add(id);
  }
  return ids;
}

/** Whether a key press was typed into a field (the field's, not the queue's). */
export function typedInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}
