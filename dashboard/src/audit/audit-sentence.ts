import type { AuditEntry } from "@contract/users.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { isJobDutyAction, tx as jobDutyText, type AuditAreaText, type JobDutyAction } from "./messages.ts";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Actions the page knows how to word; any other is named as recorded. */
export const AUDIT_ACTIONS = [
  "report.status_changed",
  "report.claimed",
  "report.released",
  "report.claim_broken",
  "report.amendment_reviewed",
  "incident.created",
  "incident.merged",
  "incident.unmerged",
  "incident.dissolved",
  "followup.assigned",
  "followup.responded",
  "followup.closed",
  "agency.created",
  "agency.updated",
  "user.created",
  "user.updated",
  "user.disabled",
  "user.enabled",
  "user.role_changed",
  "user.password_reset",
  "user.password_changed",
  "user.registered",
  "login.success",
  "login.failure",
  "login.throttled",
  "logout",
] as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];

const isKnown = (action: string): action is KnownAuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** The verb of an entry: a decision is worded by what it decided. */
function verbKey(e: AuditEntry): MessageKey | null {
  if (e.action === "report.status_changed") {
    const to = str(e.details.to);
    if (to === "verified" || to === "rejected" || to === "revision_requested") return `auditVerb.status.${to}`;
  }
  return isKnown(e.action) ? `auditVerb.${e.action}` : null;
}

/** What the entry was about, in words: `LI-2026-00012 'Unjuk rasa …'`, a user's name, an agency. */
export function auditTarget(e: AuditEntry): string {
  const label = e.targetLabel ?? str(e.details.number) ?? str(e.details.reportNumber) ?? str(e.details.username) ?? str(e.details.name);
  if (!label) return e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ""}`.trim() : "";
  if (e.targetType === "report" || e.targetType === "incident") {
    const cut = label.indexOf(" · ");
    if (cut > 0) return `${label.slice(0, cut)} '${label.slice(cut + 3)}'`;
  }
  return label;
}

/** A job or duty action in words: the job and its period, a holiday's name and day, an officer and the days of leave. */
function jobDutyWords(e: AuditEntry, action: JobDutyAction, tx: AuditAreaText): string {
  const d = e.details;
  let target = auditTarget(e);
  if (action === "job.run") target = [str(d.job), str(d.period)].filter(Boolean).join(" ");
  if (action === "holiday.added" || action === "holiday.removed") target = `${str(d.name) ?? ""} (${str(d.day) ?? e.targetId ?? ""})`.trim();
  return tx(action, { target, to: str(d.to) ?? tx("default"), firstDay: str(d.firstDay) ?? "", lastDay: str(d.lastDay) ?? "" });
}

/**
 * One audit entry as a sentence a person reads: "Siti memverifikasi laporan LI-2026-00012 'Unjuk rasa …'
 * — 29 Nov 2026 14.03 WITA". Names, never ids; the decision's note after it when there was one.
 */
export function auditSentence(e: AuditEntry, t: Translate, at: string, tx: AuditAreaText = jobDutyText): string {
  const actor = e.actorName ?? e.actorUsername ?? str(e.details.username) ?? t("audit.system");
  const verb = verbKey(e);
  const target = auditTarget(e);
  const what = isJobDutyAction(e.action) ? jobDutyWords(e, e.action, tx) : verb ? t(verb, { target }) : t("audit.otherAction", { action: e.action, target });
  const note = str(e.details.note);
  return `${actor} ${what.trim()}${note ? ` (${t("audit.withNote", { note })})` : ""} — ${at}`;
}
