import type { SubmitReportInput } from "@contract/reports.ts";
import type { ReportPlace, ReportView, SubmitResult } from "@contract/report-view.ts";
import type { Located } from "../regions/regions.service.ts";
import type { ReportRow } from "./reports.read.repo.ts";
import type { CommittedReport } from "./reports.repo.ts";

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
    ...timesOf(r.occurred_at, r.sent_at, r.received_at),
    location: { lat: Number(r.lat), lng: Number(r.lng), accuracyM: r.accuracy_m === null ? null : Number(r.accuracy_m), source: r.location_source },
    ...placeOfRow(r),
    author: { id: r.author_id, displayName: r.author_name },
    photos: (r.photos ?? []).map((sha256) => ({ sha256, uploaded: uploaded.has(sha256) })),
    statusNote: r.status_note ?? null,
    version: r.version,
    amendedAt: r.amended_at ? new Date(r.amended_at).toISOString() : null,
  };
}

/**
 * A report intake has just stored, as its readers see it, from the values at hand rather than read back:
 * the validated submission, where it was placed, and what the database assigned (the same view
 * `presentReport` gives of the stored row; intake.test.ts compares the two).
 */
export function presentSubmittedReport(input: SubmitReportInput, authorId: string, where: Located, stored: CommittedReport): ReportView {
  const situation = input.kind === "situation";
  const { perihal, kerawanan, body, classification } = input;
  return {
    id: stored.id,
    number: stored.number,
    kind: input.kind,
    period: situation ? null : input.period,
    revision: stored.revision,
    status: stored.status,
    classification,
    bidang: situation ? input.bidang : null,
    subCategory: situation ? input.subCategory : null,
    perihal,
    kerawanan,
    body,
    ...timesOf(input.occurredAt, input.sentAt, stored.received_at),
    location: { lat: input.location.lat, lng: input.location.lng, accuracyM: input.location.accuracyM, source: input.location.source },
    ...presentPlace(where),
    author: { id: authorId, displayName: stored.author_name },
    photos: [...new Set(input.photos)].map((sha256) => ({ sha256, uploaded: false })),
    statusNote: null,
    version: stored.version,
    amendedAt: null,
  };
}

/** Intake's answer (ack or REST) for a stored report: the first time, or a repeat (`duplicate`). */
export function presentSubmitResult(
  clientId: string,
  report: { id: string; number: string; status: ReportView["status"] },
  revision: number,
  place: ReportPlace,
  duplicate: boolean,
): SubmitResult {
  return {
    clientId,
    id: report.id,
    number: report.number,
    revision,
    status: report.status,
    ...presentPlace(place),
    duplicate,
  };
}

/** A stored row's place (for answers read back from the database). */
export function placeOfRow(r: ReportRow): ReportPlace {
  return {
    kecamatan: { kode: r.kecamatan_kode, nama: r.kecamatan_nama },
    desa: r.desa_kode ? { kode: r.desa_kode, nama: r.desa_nama ?? r.desa_kode } : null,
    outsideMeters: r.outside_meters,
  };
}

/** A place with only the fields answers carry (a locator's result may hold more). */
function presentPlace(p: ReportPlace): ReportPlace {
  return {
    kecamatan: { kode: p.kecamatan.kode, nama: p.kecamatan.nama },
    desa: p.desa ? { kode: p.desa.kode, nama: p.desa.nama } : null,
    outsideMeters: p.outsideMeters,
  };
}

/** The three instants of a report, as ISO strings in UTC whatever offset the phone sent. */
function timesOf(occurred: Date | string, sent: Date | string, received: Date | string) {
  const iso = (t: Date | string) => new Date(t).toISOString();
  return { occurredAt: iso(occurred), sentAt: iso(sent), receivedAt: iso(received) };
}
