import type { Sequelize, Transaction } from "sequelize";
import type { ReportEventName } from "../changes/fanout.ts";
import { appendChanges, type ChangeRow, type NewChange } from "../changes/changes.repo.ts";
import { toEnvelope } from "../changes/changes.service.ts";
import { emitReportChange } from "../changes/fanout.ts";
import type { IoServer } from "../core/io.ts";
import { presentReport } from "./reports.present.ts";
import { getReportRowsByIds, type ReportRow } from "./reports.repo.ts";

/** The change-log entry for a report as it now is; the live event carries its view. */
export function reportChange(r: ReportRow, kind: string): NewChange {
  return { entity: "report", entityId: r.id, kind, kecamatanKode: r.kecamatan_kode, authorId: r.author_id, published: false, payload: presentReport(r) };
}

/** Read a report just changed in `transaction` and log the change there (same commit, same order). */
export async function logReportChange(db: Sequelize, reportId: string, kind: string, transaction: Transaction): Promise<{ row: ReportRow; change: ChangeRow }> {
  const [row] = await getReportRowsByIds(db, [reportId], transaction);
  if (!row) throw new Error(`report ${reportId} vanished inside its own transaction`);
  const [change] = await appendChanges(db, [reportChange(row, kind)], transaction);
  return { row, change: change! };
}

/** After the commit: the change to the report's readers (`origin`: the socket it came through, skipped). */
export function announceReportChange(io: IoServer, event: ReportEventName, row: ReportRow, change: ChangeRow, origin?: string) {
  emitReportChange(io, event, toEnvelope(change), { kecamatanKode: row.kecamatan_kode, authorId: row.author_id }, origin);
}
