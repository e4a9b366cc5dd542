import type { AlertView } from "@contract/alerts.ts";

/** An alert as the server presents it, for the area's tests; override any field. */
export function testAlert(patch: Partial<AlertView> = {}): AlertView {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    number: "PD-2026-0001",
    rule: "critical",
    severity: "awas",
    status: "open",
    title: "Kerawanan sangat tinggi di Paringin",
    summary: "Laporan LI-2026-0001 (bidang ekonomi).",
    kecamatanKode: "63.11.06",
    kecamatanNama: "Paringin",
    bidang: "ekonomi",
    metrics: { kerawanan: "sangat_tinggi", korban: 0 },
    reportIds: ["10000000-0000-4000-8000-000000000001"],
    area: null,
    openedAt: "2026-03-02T01:00:00.000Z",
    updatedAt: "2026-03-02T01:00:00.000Z",
    seenAt: "2026-03-02T01:00:00.000Z",
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgeNote: null,
    closedAt: null,
    closedReason: null,
    closeNote: null,
    ...patch,
  };
}
