import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Bidang, Kerawanan } from "@contract/reports.ts";
import type { Generalization } from "@contract/public-reports.ts";

/**
 * Reads of current publications (not withdrawn): the only rows public routes and the public socket are
 * built from. Nothing here touches `reports`, so nothing of a report beyond its public shape can leak.
 */

/** A current publication as stored, with its photos in the chosen order. */
export interface PublicationRow {
  /** The publication's row id (the list's keyset). */
  seq: string;
  report_id: string;
  title: string;
  summary: string;
  bidang: Bidang;
  kerawanan: Kerawanan;
  day: string;
  generalization: Generalization;
  lng: number;
  lat: number;
  kecamatan_kode: string;
  kecamatan_nama: string;
  desa_kode: string | null;
  desa_nama: string | null;
  photos: { id: string; width: number; height: number }[];
  published_at: Date;
}

const PUBLICATION_SELECT = `
  SELECT p.id AS seq, p.report_id, p.title, p.summary, p.bidang, p.kerawanan, to_char(p.day, 'YYYY-MM-DD') AS day,
         p.generalization, ST_X(p.location) AS lng, ST_Y(p.location) AS lat, p.kecamatan_kode, p.kecamatan_nama,
         p.desa_kode, p.desa_nama, p.published_at,
         COALESCE((SELECT json_agg(json_build_object('id', f.id, 'width', f.width, 'height', f.height)
                                   ORDER BY array_position(p.photo_ids, f.id))
                   FROM public_photos f WHERE f.id = ANY (p.photo_ids)), '[]') AS photos
  FROM published_reports p
  WHERE p.unpublished_at IS NULL`;

/** The current publications of these reports (absent: not published now). */
export async function getCurrentPublications(db: Sequelize, reportIds: string[], transaction?: Transaction): Promise<PublicationRow[]> {
  if (!reportIds.length) return [];
  return db.query<PublicationRow>(`${PUBLICATION_SELECT} AND p.report_id = ANY (CAST(:ids AS uuid[]))`, {
    replacements: { ids: `{${reportIds.join(",")}}` },
    type: QueryTypes.SELECT,
    transaction,
  });
}

export interface PublicationFilter {
  kecamatan?: string;
  bidang?: Bidang;
  /** Days, inclusive. */
  from?: string;
  to?: string;
  /** After this (day, publication id), in the list's order. */
  after?: { day: string; seq: string };
  limit: number;
}

/** Current publications, the latest day first (then the latest published), one page. */
export async function listCurrentPublications(db: Sequelize, f: PublicationFilter): Promise<PublicationRow[]> {
  return db.query<PublicationRow>(
    `${PUBLICATION_SELECT}
       AND (CAST(:kecamatan AS text) IS NULL OR p.kecamatan_kode = :kecamatan)
       AND (CAST(:bidang AS text) IS NULL OR p.bidang = :bidang)
       AND (CAST(:from AS date) IS NULL OR p.day >= CAST(:from AS date))
       AND (CAST(:to AS date) IS NULL OR p.day <= CAST(:to AS date))
       AND (CAST(:afterDay AS date) IS NULL OR (p.day, p.id) < (CAST(:afterDay AS date), CAST(:afterSeq AS bigint)))
     ORDER BY p.day DESC, p.id DESC
     LIMIT :limit`,
    {
      replacements: {
        kecamatan: f.kecamatan ?? null,
        bidang: f.bidang ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
        afterDay: f.after?.day ?? null,
        afterSeq: f.after?.seq ?? null,
        limit: f.limit,
      },
      type: QueryTypes.SELECT,
    },
  );
}

/** A derivative shown by a current publication (none: it is not public, or no longer). */
export async function getLivePublicPhoto(db: Sequelize, id: string): Promise<{ id: string; mime: string } | undefined> {
  const [row] = await db.query<{ id: string; mime: string }>(
    `SELECT f.id, f.mime FROM public_photos f
     WHERE f.id = :id
       AND EXISTS (SELECT 1 FROM published_reports p WHERE p.unpublished_at IS NULL AND f.id = ANY (p.photo_ids))`,
    { replacements: { id }, type: QueryTypes.SELECT },
  );
  return row;
}
