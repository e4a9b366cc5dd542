import type { Sequelize } from "sequelize";
import { STATUS_CHANGES, type ChangeStatusInput, type ReportView } from "@contract/reports.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { conflict, forbidden, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import { presentReport } from "./reports.present.ts";
import { announceReportChange, logReportChange } from "./report-changes.ts";
import { lockReportStatus, setReportStatus } from "./reports.update.repo.ts";
import { canReadReport } from "./reports.service.ts";

/**
 * A verifier's decision on a report: verified, rejected or sent back for revision, with a note for its
 * author. The report's readers (the verifiers' live map, its author's phone) get `report:updated`, and the
 * change log keeps it for those who reconnect later.
 */
export function createStatusService(db: Sequelize, io: IoServer) {
  return {
    async change(actor: Actor, reportId: string, input: ChangeStatusInput): Promise<ReportView> {
      const { row, change } = await db.transaction(async (transaction) => {
        const current = await lockReportStatus(db, reportId, transaction);
        // Not found and not readable look the same, so ids reveal nothing.
        if (!current || !canReadReport(actor, current)) throw notFound("Report not found");
        if (!can(actor, "report.verify", { kecamatanKode: current.kecamatan_kode })) throw forbidden("Only verifiers of its kecamatan may decide on this report");
        if (current.version !== input.version)
          throw conflict("The report changed since it was loaded; look at it again before deciding");
        if (!STATUS_CHANGES[current.status].includes(input.status))
          throw conflict(`A report that is ${current.status} cannot become ${input.status}`);
        await setReportStatus(db, { reportId, actorId: actor.id, from: current.status, to: input.status, note: input.note || null }, transaction);
        return logReportChange(db, reportId, "status_changed", transaction);
      });
      const view = presentReport(row);
      announceReportChange(io, "report:updated", change, () => view);
      return view;
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
