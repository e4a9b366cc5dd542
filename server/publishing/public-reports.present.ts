import type { PublicReport } from "@contract/public-reports.ts";
import type { PublicationRow } from "./public-reports.repo.ts";

/** Where a published photo is served (the one public route of derivatives). */
export const publicPhotoUrl = (id: string) => `/api/public/photos/${id}`;

/**
 * A publication as anyone sees it. Every field is named here from the publication's own row, never from
 * the report: what the verifier approved is all that leaves.
 */
export function presentPublicReport(p: PublicationRow): PublicReport {
  return {
    id: p.report_id,
    title: p.title,
    summary: p.summary,
    bidang: p.bidang,
    kerawanan: p.kerawanan,
    day: p.day,
    generalization: p.generalization,
    location: { lat: Number(p.lat), lng: Number(p.lng) },
    kecamatan: { kode: p.kecamatan_kode, nama: p.kecamatan_nama },
    desa: p.desa_kode && p.desa_nama ? { kode: p.desa_kode, nama: p.desa_nama } : null,
    photos: p.photos.map((f) => ({ id: f.id, url: publicPhotoUrl(f.id), width: Number(f.width), height: Number(f.height) })),
    publishedAt: new Date(p.published_at).toISOString(),
  };
}
