import type { Sequelize } from "sequelize";
import type { ReviewAmendmentInput } from "@contract/report-detail.ts";
import type { ReportView } from "@contract/reports.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { conflict, forbidden, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import { clearAmendment, lockAmendment } from "./amendments.repo.ts";
import { appendReportEvents } from "./report-events.repo.ts";
import { announceReportChange, logReportChange } from "./report-changes.ts";
import { presentReport } from "./reports.present.ts";
import { canReadReport } from "./reports.service.ts";

/**
 * Amendments: a verified periodic report its author sent again keeps its status and is flagged
 * (`amendedAt`) until a verifier of its kecamatan has looked at the new revision (the history shows its
 * diff) and says so here. The review is in the report's trail and the audit log, and its readers are told.
 */
export function createAmendmentsService(db: Sequelize, io: IoServer, audit: AuditService) {
  return {
    async review(actor: Actor, reportId: string, input: ReviewAmendmentInput, ctx: RequestContext | null): Promise<ReportView> {
      const { row, change } = await db.transaction(async (transaction) => {
        const current = await lockAmendment(db, reportId, transaction);
        // Not found and not readable look the same, so ids reveal nothing.
        if (!current || !canReadReport(actor, current)) throw notFound("Report not found");
        if (!can(actor, "report.verify", { kecamatanKode: current.kecamatan_kode }))
          throw forbidden("Only verifiers of its kecamatan may review this report's amendment");
        if (current.version !== input.version) throw conflict("The report changed since it was loaded; look at it again");
        if (!current.amended_at) throw conflict("This report has no amendment waiting for review");
        await clearAmendment(db, reportId, transaction);
        const details = { revision: current.revision };
        await appendReportEvents(db, [{ reportId, actorId: actor.id, action: "amendment_reviewed", details }], transaction);
        const logged = await logReportChange(db, reportId, "amendment_reviewed", transaction);
        await audit.record(
          ctx,
          "report.amendment_reviewed",
          { actorId: actor.id, targetType: "report", targetId: reportId, details: { number: logged.row.number, ...details } },
          transaction,
        );
        return logged;
      });
      const view = presentReport(row);
      announceReportChange(io, "report:updated", change, () => view);
      return view;
    },
  };
}

export type AmendmentsService = ReturnType<typeof createAmendmentsService>;
