import type { ReportView } from "@contract/reports.ts";

/**
 * A report as the API shows it to its author or a verifier, for client tests: a submitted situation
 * report in Paringin; tests override what they are about.
 */
export function reportView(id: string, over: Partial<ReportView> = {}): ReportView {
  const at = over.receivedAt ?? "2026-03-02T01:00:00.000Z";
  return {
    id,
    number: `LI-${id}`,
    kind: "situation",
    period: null,
    revision: 1,
    status: "submitted",
    classification: "biasa",
    bidang: "politik",
    subCategory: "unjuk rasa",
    perihal: `Laporan ${id}`,
    kerawanan: "sedang",
    body: {},
    occurredAt: at,
    sentAt: at,
    receivedAt: at,
    location: { lat: -2.3217, lng: 115.4584, accuracyM: 10, source: "gps" },
    kecamatan: { kode: "63.11.06", nama: "Paringin" },
    desa: null,
    outsideMeters: 0,
    author: { id: "a1", displayName: "Petugas" },
    photos: [],
    statusNote: null,
    version: 1,
    ...over,
  };
}
