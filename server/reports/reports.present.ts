import type { ReportView } from "@contract/reports.ts";
import type { ReportRow } from "./reports.repo.ts";

/** A stored report as its readers see it (verifiers, admins, leaders, its author). */
export function presentReport(r: ReportRow): ReportView {
  const uploaded = new Set(r.uploaded ?? []);
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    period: r.period,
    revision: r.revision,
    status: r.status,
    classification: r.classification,
    bidang: r.bidang,
    subCategory: r.sub_category,
    perihal: r.perihal,
    kerawanan: r.kerawanan,
    body: r.body,
    occurredAt: new Date(r.occurred_at).toISOString(),
    sentAt: new Date(r.sent_at).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    location: { lat: Number(r.lat), lng: Number(r.lng), accuracyM: r.accuracy_m === null ? null : Number(r.accuracy_m), source: r.location_source },
    kecamatan: { kode: r.kecamatan_kode, nama: r.kecamatan_nama },
    desa: r.desa_kode ? { kode: r.desa_kode, nama: r.desa_nama ?? r.desa_kode } : null,
    outsideMeters: r.outside_meters,
    author: { id: r.author_id, displayName: r.author_name },
    photos: (r.photos ?? []).map((sha256) => ({ sha256, uploaded: uploaded.has(sha256) })),
    statusNote: r.status_note ?? null,
    version: r.version,
  };
}
