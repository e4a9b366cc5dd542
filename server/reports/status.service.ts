import type { Sequelize, Transaction } from "sequelize";
import { CLAIM_CONFLICT_FIELDS, type ClaimHolder } from "@contract/claims.ts";
import { STATUS_CHANGES, type ChangeStatusInput, type ReportView } from "@contract/reports.ts";
import { can, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { AppError, conflict, forbidden, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import { presentReport } from "./reports.present.ts";
import { announceReportChange, logReportChange } from "./report-changes.ts";
import { getReportRowsByIds } from "./reports.read.repo.ts";
import { lockReportStatus, setReportStatus } from "./reports.update.repo.ts";
import { canReadReport } from "./reports.service.ts";

/**
 * What decisions need of claims. claims/ supplies it (app.ts wires the two), so reports/ does not import
 * claims/, which imports reports/ for the event trail and the read rule.
 */
export interface DecisionClaims {
  /** The live claim on the report, if any: somebody else's makes the decision theirs. */
  liveClaim(reportId: string, transaction: Transaction): Promise<ClaimHolder | null>;
  /** End the decider's own claim with the decision. */
  endOwnClaim(reportId: string, holderId: string, transaction: Transaction): Promise<void>;
  /** After the commit: tell the report's readers it is free. */
  announceReleased(report: { id: string; kecamatanKode: string }): void;
}

export interface StatusServiceDeps {
  db: Sequelize;
  io: IoServer;
  audit: AuditService;
  claims: DecisionClaims;
  /** After the commit, with the report as decided (notifications/ tells its author); must not throw. */
  onDecided?: (report: ReportView) => void;
}

/**
 * How one decision ended. Anything but `applied` wrote nothing. `not_allowed`: the caller may read the
 * report but not decide on it. `stale`: the report moved past the version the caller saw; `report` is it now.
 */
export type DecisionOutcome =
  | { outcome: "applied"; report: ReportView }
  | { outcome: "not_found" }
  | { outcome: "not_allowed" }
  | { outcome: "claimed"; claim: ClaimHolder }
  | { outcome: "stale"; report: ReportView }
  | { outcome: "forbidden_transition"; report: ReportView };

const WITA_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Makassar", hour: "2-digit", minute: "2-digit" });

/** The 409 for a report somebody else holds: a message naming them, and the holder in the fields. */
export function claimedByOther(holder: ClaimHolder): AppError {
  const until = WITA_TIME.format(new Date(holder.expiresAt));
  return new AppError(409, "conflict", `Being handled by ${holder.holderName} (claimed until ${until} WITA)`, {
    [CLAIM_CONFLICT_FIELDS.holderId]: holder.holderId,
    [CLAIM_CONFLICT_FIELDS.holderName]: holder.holderName,
    [CLAIM_CONFLICT_FIELDS.expiresAt]: holder.expiresAt,
  });
}

/**
 * A verifier's decision on a report: verified, rejected or sent back for revision, with a note for its
 * author. Refused while somebody else holds a live claim on it; a claim of the decider's own ends with
 * the decision. The report's readers (the verifiers' live map, its author's phone) get `report:updated`,
 * the change log keeps it for those who reconnect later, and the audit log records who decided.
 */
export function createStatusService({ db, io, audit, claims, onDecided }: StatusServiceDeps) {
  async function currentView(reportId: string, transaction: Transaction): Promise<ReportView> {
    const [row] = await getReportRowsByIds(db, [reportId], transaction);
    return presentReport(row!);
  }

  /**
   * Decide in one transaction of its own: everything or nothing is written. Bulk triage calls this per
   * item; `bulk` marks the audit entry as part of one.
   */
  async function decide(
    actor: Actor,
    reportId: string,
    input: ChangeStatusInput,
    ctx: RequestContext | null,
    opts: { bulk?: boolean } = {},
  ): Promise<DecisionOutcome> {
    const result = await db.transaction(async (transaction) => {
      const current = await lockReportStatus(db, reportId, transaction);
      // Not found and not readable look the same, so ids reveal nothing.
      if (!current || !canReadReport(actor, current)) return { outcome: "not_found" } as const;
      if (!can(actor, "report.verify", { kecamatanKode: current.kecamatan_kode })) return { outcome: "not_allowed" } as const;
      const claim = await claims.liveClaim(reportId, transaction);
      if (claim && claim.holderId !== actor.id) return { outcome: "claimed", claim } as const;
      if (current.version !== input.version) return { outcome: "stale", report: await currentView(reportId, transaction) } as const;
      if (!STATUS_CHANGES[current.status].includes(input.status))
        return { outcome: "forbidden_transition", report: await currentView(reportId, transaction) } as const;

      const note = input.note || null;
      await setReportStatus(db, { reportId, actorId: actor.id, from: current.status, to: input.status, note }, transaction);
      // A lapsed lease is left for the next claim to overwrite: readers treat it as free already.
      if (claim) await claims.endOwnClaim(reportId, actor.id, transaction);
      const { row, change } = await logReportChange(db, reportId, "status_changed", transaction);
      await audit.record(
        ctx,
        "report.status_changed",
        {
          actorId: actor.id,
          targetType: "report",
          targetId: reportId,
          details: { number: row.number, from: current.status, to: input.status, note, version: row.version, ...(opts.bulk ? { bulk: true } : {}) },
        },
        transaction,
      );
      return { outcome: "applied", row, change, released: claim !== null } as const;
    });
    if (result.outcome !== "applied") return result;

    const view = presentReport(result.row);
    announceReportChange(io, "report:updated", result.change, () => view);
    if (result.released) claims.announceReleased({ id: reportId, kecamatanKode: result.row.kecamatan_kode });
    onDecided?.(view);
    return { outcome: "applied", report: view };
  }

  return {
    decide,

    /** One decision, its refusals as errors: 404, 403, 409 naming the holder, 409 stale, 409 not allowed from this status. */
    async change(actor: Actor, reportId: string, input: ChangeStatusInput, ctx: RequestContext | null = null): Promise<ReportView> {
      const result = await decide(actor, reportId, input, ctx);
      switch (result.outcome) {
        case "applied":
          return result.report;
        case "not_found":
          throw notFound("Report not found");
        case "not_allowed":
          throw forbidden("Only verifiers of its kecamatan may decide on this report");
        case "claimed":
          throw claimedByOther(result.claim);
        case "stale":
          throw conflict("The report changed since it was loaded; look at it again before deciding");
        case "forbidden_transition":
          throw conflict(`A report that is ${result.report.status} cannot become ${input.status}`);
      }
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
