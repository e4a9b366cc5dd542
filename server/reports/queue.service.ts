import type { Sequelize } from "sequelize";
import { encodeQueueCursor, type ReportCounts, type ReportCountsQuery, type ReportListQuery } from "@contract/report-queue.ts";
import { ReportStatus, type ReportView } from "@contract/reports.ts";
import { regionFilter, type Actor } from "../auth/permissions.ts";
import { presentReport } from "./reports.present.ts";
import { countQueueByStatus, listQueueRows, type QueueScope } from "./queue.repo.ts";

/**
 * The report list every reader pages through: officers their own reports, verifiers their regions,
 * admins and leaders everything, narrowed by the queue's filter (contract/report-queue.ts).
 */
export function createQueueService(db: Sequelize) {
  function scopeOf(actor: Actor, mine: boolean): QueueScope {
    const own = actor.role === "officer" || mine;
    return own ? { kecamatan: null, authorId: actor.id } : { kecamatan: regionFilter(actor) };
  }

  return {
    /** One page, newest first, and the cursor of the next (null on the last page). */
    async list(actor: Actor, q: ReportListQuery): Promise<{ reports: ReportView[]; next: string | null }> {
      const rows = await listQueueRows(db, scopeOf(actor, q.mine), q, { limit: q.limit, before: q.before });
      const last = rows.at(-1);
      const next = rows.length === q.limit && last ? encodeQueueCursor({ receivedAt: last.received_key, id: last.id }) : null;
      return { reports: rows.map(presentReport), next };
    },

    /** How many reports the filter holds, per status (as tabs would show them) and amended. */
    async counts(actor: Actor, q: ReportCountsQuery): Promise<ReportCounts> {
      const rows = await countQueueByStatus(db, scopeOf(actor, q.mine), q);
      const byStatus = Object.fromEntries(ReportStatus.options.map((s) => [s, 0])) as Record<ReportStatus, number>;
      let total = 0;
      let amended = 0;
      for (const r of rows) {
        byStatus[r.status] = r.n;
        if (q.status && !q.status.includes(r.status)) continue;
        total += r.n;
        amended += r.amended;
      }
      return { total, byStatus, amended };
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
