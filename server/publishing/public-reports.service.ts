import type { Sequelize } from "sequelize";
import type { PublicReport, PublicReportsQuery } from "@contract/public-reports.ts";
import { notFound } from "../core/errors.ts";
import type { PublicPhotos } from "./public-photos.ts";
import { presentPublicReport } from "./public-reports.present.ts";
import { getCurrentPublications, getLivePublicPhoto, listCurrentPublications, type PublicationRow } from "./public-reports.repo.ts";

/** The list's cursor: the last item's day and publication id (`2026-05-01.42`), opaque to clients. */
const cursorOf = (p: PublicationRow) => `${p.day}.${p.seq}`;
function parseCursor(cursor: string | undefined): { day: string; seq: string } | undefined {
  if (!cursor) return undefined;
  const [day, seq] = cursor.split(".") as [string, string];
  return { day, seq };
}

/**
 * What anyone may read of published reports, without a login: the current publications, each in the
 * public shape, and their photo derivatives. A withdrawn publication is gone from all of it at once.
 */
export function createPublicReportsService(db: Sequelize, photos: PublicPhotos) {
  return {
    async list(q: PublicReportsQuery): Promise<{ reports: PublicReport[]; next: string | null }> {
      const rows = await listCurrentPublications(db, { ...q, after: parseCursor(q.cursor), limit: q.limit });
      const last = rows.at(-1);
      return { reports: rows.map(presentPublicReport), next: last && rows.length === q.limit ? cursorOf(last) : null };
    },

    /** 404 unless the report is published now. */
    async get(reportId: string): Promise<PublicReport> {
      const [row] = await getCurrentPublications(db, [reportId]);
      if (!row) throw notFound("No published report with this id");
      return presentPublicReport(row);
    },

    /** The file of a derivative a current publication shows; 404 otherwise (withdrawn, never public). */
    async photoFile(id: string): Promise<{ path: string; mime: string }> {
      const photo = await getLivePublicPhoto(db, id);
      if (!photo || !(await photos.exists(id))) throw notFound("Photo not found");
      return { path: photos.fileOf(id), mime: photo.mime };
    },
  };
}

export type PublicReportsService = ReturnType<typeof createPublicReportsService>;
