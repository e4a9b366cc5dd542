import type { Sequelize, Transaction } from "sequelize";
import type { RequestContext } from "../core/request-context.ts";
import { insertAuditRecord, type AuditRecord } from "./audit.repo.ts";

/** Security-relevant actions recorded in the append-only audit log. */
export type AuditAction =
  | "login.success"
  | "login.failure"
  | "login.throttled"
  | "logout"
  | "user.created"
  | "user.updated"
  | "user.disabled"
  | "user.enabled"
  | "user.role_changed"
  | "user.password_reset"
  | "user.password_changed"
  | "user.registered"
  | "user.deleted_self"
  | "user.initial_admin"
  // Incidents (target: the incident, or each report merged into / taken out of it) and follow-ups
  // (target: the assignment; agencies: the agency).
  | "incident.created"
  | "incident.merged"
  | "incident.unmerged"
  | "incident.dissolved"
  | "agency.created"
  | "agency.updated"
  | "followup.assigned"
  | "followup.responded"
  | "followup.closed"
  // Verification (issue 13): a decision, and claims taken, released or broken by an admin.
  | "report.status_changed"
  | "report.claimed"
  | "report.released"
  | "report.claim_broken"
  // A verifier reviewed an amendment (a verified periodic report its author sent again).
  | "report.amendment_reviewed"
  // Jobs and reporting duties (issue 15): a run an admin started (target: the run, details: job and
  // period); deadlines changed (target: duty_settings); an officer's start day, leave added or removed
  // (target: the officer); a holiday added or removed (target: the holiday, by its day).
  | "job.run"
  | "duty.settings_changed"
  | "duty.officer_start_changed"
  | "holiday.added"
  | "holiday.removed"
  | "leave.added"
  | "leave.removed"
  // Early warning (issue 16): an alert acknowledged or closed by hand (target: the alert), the rules'
  // parameters changed (target: alert_rules).
  | "alert.acknowledged"
  | "alert.closed"
  | "alert.rules_changed"
  // The wall (issue 16): a kiosk token issued or revoked (target: the token; details: label, prefix), the
  // wall's settings changed (target: wall_settings).
  | "kiosk.issued"
  | "kiosk.revoked"
  | "wall.settings_changed"
  // News (issue 14, target: the news item; details: title, slug, status as it stands after the action).
  | "news.created"
  | "news.updated"
  | "news.published"
  | "news.unpublished"
  | "news.deleted"
  | "news.cover_changed"
  // Facilities (issue 14): target the facility; an import targets none (details: rows, inserted, invalid).
  | "facility.created"
  | "facility.updated"
  | "facility.deleted"
  | "facility.photo_set"
  | "facility.imported";

export function createAuditService(db: Sequelize) {
  return {
    /** Record an action; the actor and address come from `ctx` unless `r` names them (a login names its user). */
    record(
      ctx: RequestContext | null,
      action: AuditAction,
      r: Omit<AuditRecord, "action" | "ip"> = {},
      transaction?: Transaction,
    ): Promise<void> {
      return insertAuditRecord(
        db,
        {
          ...r,
          action,
          actorId: r.actorId ?? ctx?.user?.id ?? null,
          actorUsername: r.actorUsername ?? ctx?.user?.username ?? null,
          ip: ctx?.ip ?? null,
        },
        transaction,
      );
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
