import type { AlertView } from "@contract/alerts.ts";
import type { AlertRow } from "./alerts.repo.ts";

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentAlert(r: AlertRow): AlertView {
  return {
    id: r.id,
    number: r.number,
    rule: r.rule,
    severity: r.severity,
    status: r.status,
    title: r.title,
    summary: r.summary,
    kecamatanKode: r.kecamatan_kode,
    kecamatanNama: r.kecamatan_nama,
    bidang: r.bidang,
    metrics: r.metrics,
    reportIds: r.report_ids,
    area: r.area ? (JSON.parse(r.area) as unknown) : null,
    openedAt: iso(r.opened_at)!,
    updatedAt: iso(r.updated_at)!,
    seenAt: iso(r.seen_at)!,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by_name,
    acknowledgeNote: r.acknowledge_note,
    closedAt: iso(r.closed_at),
    closedReason: r.closed_reason,
    closeNote: r.close_note,
  };
}
