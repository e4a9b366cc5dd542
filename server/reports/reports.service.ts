import { createHash } from "node:crypto";
import type { Sequelize } from "sequelize";
import type { ReportDetail } from "@contract/report-detail.ts";
import type { Clock } from "../core/clock.ts";
import { can, type Actor } from "../auth/permissions.ts";
import { invalid, notFound } from "../core/errors.ts";
import type { PhotoStore, StoredPhoto } from "./photo-store.ts";
import type { IoServer } from "../core/io.ts";
import { presentReport } from "./reports.present.ts";
import { announceReportChange, logReportChange } from "./report-changes.ts";
import { hasAttachment, insertAttachment } from "./attachments.repo.ts";
import { getReportRowsByIds, type ReportRow } from "./reports.read.repo.ts";
import { getReportDetailRow } from "./report-detail.repo.ts";
import { presentReportDetail } from "./report-detail.present.ts";
import { bumpVersion } from "./reports.update.repo.ts";

/**
 * May this actor read this report? Its author may; otherwise region scope decides, which also covers the
 * rahasia rule (only verifiers of its kecamatan, admins and leaders).
 */
export function canReadReport(actor: Actor, r: Pick<ReportRow, "author_id" | "kecamatan_kode">): boolean {
  if (r.author_id === actor.id) return true;
  return actor.role !== "officer" && can(actor, "report.list", { kecamatanKode: r.kecamatan_kode });
}

export function createReportsService(db: Sequelize, photos: PhotoStore, io: IoServer, clock: Clock) {
  /**
   * Record the attachment and tell the report's readers (verifiers see the photo arrive): the report's
   * version goes up and the change log gets a `photo_added` row, in one transaction.
   */
  async function attachPhoto(reportId: string, stored: StoredPhoto): Promise<boolean> {
    const result = await db.transaction(async (transaction) => {
      if (!(await insertAttachment(db, { reportId, ...stored }, transaction))) return null;
      await bumpVersion(db, reportId, transaction);
      return logReportChange(db, reportId, "photo_added", transaction);
    });
    if (!result) return false;
    const { row, change } = result;
    announceReportChange(io, "report:updated", change, () => presentReport(row));
    return true;
  }

  async function readable(actor: Actor, id: string): Promise<ReportRow> {
    const [row] = await getReportRowsByIds(db, [id]);
    // Not found and not allowed look the same, so ids reveal nothing.
    if (!row || !canReadReport(actor, row)) throw notFound("Report not found");
    return row;
  }

  return {
    /** The whole report (see ReportDetail), within the reader's scope; 404 otherwise. */
    async get(actor: Actor, id: string): Promise<ReportDetail> {
      const row = await getReportDetailRow(db, id, clock.now());
      if (!row || !canReadReport(actor, row)) throw notFound("Report not found");
      return presentReportDetail(row, actor);
    },

    /**
     * Store one photo of the actor's own report. Idempotent by content hash: a repeat (a retry after a lost
     * response) answers `created: false` and writes nothing new.
     */
    async putPhoto(actor: Actor, reportId: string, sha256: string, bytes: Buffer): Promise<{ sha256: string; created: boolean }> {
      const [row] = await getReportRowsByIds(db, [reportId]);
      if (!row || row.author_id !== actor.id) throw notFound("Report not found");
      if (!row.photos.includes(sha256)) throw invalid("This photo is not listed in the report", { sha256: "not in report.photos" });
      // Check the bytes even for a repeat: a damaged upload is a client problem worth surfacing.
      if (bytes.length && createHash("sha256").update(bytes).digest("hex") !== sha256)
        throw invalid("Photo content does not match its SHA-256 (upload damaged? send it again)", { sha256: "mismatch" });
      if ((await hasAttachment(db, reportId, sha256)) && (await photos.exists(reportId, sha256))) return { sha256, created: false };
      const stored = await photos.save(reportId, sha256, bytes);
      const created = await attachPhoto(reportId, stored);
      return { sha256, created };
    },

    /** Path of the EXIF-free derivative, for readers of the report. */
    async photoPath(actor: Actor, reportId: string, sha256: string): Promise<string> {
      await readable(actor, reportId);
      if (!(await hasAttachment(db, reportId, sha256))) throw notFound("Photo not found");
      return photos.derivativePath(reportId, sha256);
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
