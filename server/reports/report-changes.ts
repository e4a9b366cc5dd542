import type { Sequelize, Transaction } from "sequelize";
import type { ReportView } from "@contract/report-view.ts";
import { appendChanges } from "../changes/changes.repo.ts";
import { toEnvelope } from "../changes/changes.service.ts";
import { emitReportChange, type ReportEventName } from "../changes/fanout.ts";
import type { IoServer } from "../core/io.ts";
import { getReportRowsByIds, type ReportRow } from "./reports.read.repo.ts";

/** A report change as the change log holds it, with who may see it (its kecamatan, its author). */
export interface LoggedReportChange {
  seq: number;
  at: Date;
  kind: string;
  reportId: string;
  kecamatanKode: string;
  authorId: string;
}

/** Log changes of reports written in `transaction`: same commit, and seqs in the order given. */
export async function logReportChanges(
  db: Sequelize,
  reports: Pick<ReportRow, "id" | "kecamatan_kode" | "author_id">[],
  kind: string,
  transaction: Transaction,
): Promise<LoggedReportChange[]> {
  const rows = await appendChanges(
    db,
    reports.map((r) => ({ entity: "report", entityId: r.id, kind, kecamatanKode: r.kecamatan_kode, authorId: r.author_id, published: false })),
    transaction,
  );
  const byId = new Map(reports.map((r) => [r.id, r]));
  return rows.map((c) => {
    const r = byId.get(c.entity_id)!;
    return { seq: c.seq, at: c.at, kind: c.kind, reportId: r.id, kecamatanKode: r.kecamatan_kode, authorId: r.author_id };
  });
}

/** Read a report just changed in `transaction` and log the change there (same commit, same order). */
export async function logReportChange(db: Sequelize, reportId: string, kind: string, transaction: Transaction): Promise<{ row: ReportRow; change: LoggedReportChange }> {
  const [row] = await getReportRowsByIds(db, [reportId], transaction);
  if (!row) throw new Error(`report ${reportId} vanished inside its own transaction`);
  const [change] = await logReportChanges(db, [row], kind, transaction);
  return { row, change: change! };
}

/**
 * The one fan-out of report changes, after the commit: the change to the rooms allowed to see it.
 * `view` is built only when somebody listens; `origin` is the socket the change came through (it has its
 * answer already, and gets no echo).
 */
export function announceReportChange(io: IoServer, event: ReportEventName, change: LoggedReportChange, view: () => ReportView, origin?: string): void {
  emitReportChange(
    io,
    event,
    () => toEnvelope({ seq: change.seq, at: change.at, entity: "report", entity_id: change.reportId, kind: change.kind }, view()),
    change,
    origin,
  );
}
