import type { SubmitReportRaw, SubmitResult } from "@contract/reports.ts";
import type { MyReport } from "./my-reports.model.ts";

/**
 * The report just delivered, as "my reports" shows it until the server's own view arrives: what the phone
 * sent plus what the ack told (number, status, kecamatan, desa). Version 0, so any view from the server
 * replaces it. Without it, the gap between the outbox letting go of a report and the refreshed list
 * would show the report nowhere (and the "daily report owed" banner would come back for a moment).
 */
export function provisionalReport(
  payload: SubmitReportRaw,
  result: SubmitResult,
  author: { id: string; displayName: string },
  now: number,
): MyReport {
  return {
    id: result.id,
    number: result.number,
    kind: payload.kind,
    period: "period" in payload ? payload.period : null,
    revision: result.revision,
    status: result.status,
    classification: payload.classification ?? "biasa",
    bidang: "bidang" in payload ? payload.bidang : null,
    subCategory: "subCategory" in payload ? payload.subCategory : null,
    perihal: payload.perihal,
    kerawanan: payload.kerawanan,
    body: payload.body,
    occurredAt: payload.occurredAt,
    sentAt: payload.sentAt,
    receivedAt: new Date(now).toISOString(),
    location: { ...payload.location, accuracyM: payload.location.accuracyM ?? null },
    kecamatan: result.kecamatan,
    desa: result.desa,
    outsideMeters: result.outsideMeters,
    author,
    photos: (payload.photos ?? []).map((sha256) => ({ sha256, uploaded: true })),
    statusNote: null,
    version: 0,
  };
}
