import type { Sequelize } from "sequelize";
import { diffRevisions, type ReportHistoryEntry, type RevisionDiff, type RevisionSummary, type RevisionView } from "@contract/report-detail.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { notFound } from "../core/errors.ts";
import { getReportRowsByIds } from "./reports.read.repo.ts";
import { getReportEvents, getRevisionList, getRevisionPayloads } from "./history.repo.ts";
import { presentHistoryEntry, presentRevision, presentRevisionSummary } from "./report-detail.present.ts";

/**
 * A report's past for the verification desk (verifiers of its kecamatan, admins, leaders): every event
 * with who and when, every revision as it was submitted, and what changed between two of them.
 */
export function createHistoryService(db: Sequelize) {
  /** Out of scope and unknown look the same: 404, so ids reveal nothing. */
  async function inScope(actor: Actor, reportId: string): Promise<void> {
    const [row] = await getReportRowsByIds(db, [reportId]);
    if (!row || !can(actor, "report.read.region", { kecamatanKode: row.kecamatan_kode })) throw notFound("Report not found");
  }

  return {
    /** Oldest first. */
    async history(actor: Actor, reportId: string): Promise<ReportHistoryEntry[]> {
      await inScope(actor, reportId);
      return (await getReportEvents(db, reportId)).map(presentHistoryEntry);
    },

    async revisions(actor: Actor, reportId: string): Promise<RevisionSummary[]> {
      await inScope(actor, reportId);
      return (await getRevisionList(db, reportId)).map(presentRevisionSummary);
    },

    async revision(actor: Actor, reportId: string, n: number): Promise<RevisionView> {
      await inScope(actor, reportId);
      const [row] = await getRevisionPayloads(db, reportId, [n]);
      if (!row) throw notFound("Revision not found");
      return presentRevision(row);
    },

    /** The fields that differ from revision `from` to revision `to` (either order). */
    async diff(actor: Actor, reportId: string, from: number, to: number): Promise<RevisionDiff> {
      await inScope(actor, reportId);
      const rows = await getRevisionPayloads(db, reportId, [from, to]);
      const payloadOf = (n: number) => rows.find((r) => r.revision === n)?.payload;
      const before = payloadOf(from);
      const after = payloadOf(to);
      if (!before || !after) throw notFound("Revision not found");
      return { from, to, changes: diffRevisions(before, after) };
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
