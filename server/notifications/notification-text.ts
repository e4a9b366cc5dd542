import { NOTIFICATION_LIMITS, type PushPayload } from "@contract/notifications.ts";
import type { PublicReport } from "@contract/public-reports.ts";
import type { Kerawanan, ReportStatus } from "@contract/reports.ts";
import type { NotificationText } from "./notifications.repo.ts";

/**
 * What each notification says, in Bahasa Indonesia (the users' language, and what a push shows), with
 * its facts as `params` for the dashboard to word in English when that is the reader's language. Pure: each takes exactly the data its audience may see — a publication's text is made from
 * the public shape alone, so nothing of the staff view can reach a guest through it.
 */

const BIDANG: Record<PublicReport["bidang"], string> = {
  ideologi: "Ideologi",
  politik: "Politik",
  ekonomi: "Ekonomi",
  "sosial-budaya": "Sosial budaya",
  "pertahanan-keamanan": "Pertahanan keamanan",
};

const DECISIONS: Partial<Record<ReportStatus, string>> = {
  verified: "diverifikasi",
  rejected: "ditolak",
  revision_requested: "perlu diperbaiki",
  published: "dipublikasikan",
};

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The public page of a published report. */
export const publicReportLink = (id: string) => `/laporan/${id}`;
/** The verification desk's page of a report. */
export const staffReportLink = (id: string) => `/ops/reports/${id}`;
/** An officer's own reports, in their phone app. */
export const officerReportsLink = () => "/m/#/laporan-saya";

/** A publication, as subscribers (guests included) are told of it. */
export function publishedText(report: PublicReport): NotificationText {
  const where = report.desa ? `${report.desa.nama}, ${report.kecamatan.nama}` : report.kecamatan.nama;
  return {
    title: clip(`Laporan baru di ${report.kecamatan.nama}: ${report.title}`, NOTIFICATION_LIMITS.titleMax),
    body: clip(`${BIDANG[report.bidang]} · ${where} · ${report.day}. ${report.summary}`, NOTIFICATION_LIMITS.bodyMax),
    params: { kind: "report_published", kecamatan: report.kecamatan.nama, title: report.title, bidang: report.bidang, place: where, day: report.day, summary: report.summary },
    link: publicReportLink(report.id),
    reportId: report.id,
  };
}

/** A publication's push tag: a later push of the same report replaces it on the phone; an unpublish drops the unsent ones by it. */
export const publishTag = (reportId: string) => `laporan-${reportId}`;

/** The Web Push message of a publication: the same words as the in-app one. */
export function publishedPush(report: PublicReport): PushPayload {
  const text = publishedText(report);
  return { title: text.title, body: text.body, url: text.link, tag: publishTag(report.id) };
}

/** A decision, as the report's author is told of it; null for a status that is not a decision. */
export function decisionText(report: { id: string; number: string; perihal: string; status: ReportStatus; statusNote: string | null }): NotificationText | null {
  const decided = DECISIONS[report.status];
  if (!decided) return null;
  const note = report.statusNote ? ` Catatan: ${report.statusNote}` : "";
  return {
    title: clip(`Laporan ${report.number} ${decided}`, NOTIFICATION_LIMITS.titleMax),
    body: clip(`${report.perihal}.${note}`, NOTIFICATION_LIMITS.bodyMax),
    params: { kind: "report_decided", number: report.number, status: report.status, perihal: report.perihal, note: report.statusNote },
    link: officerReportsLink(),
    reportId: report.id,
  };
}

/** A new situation report, as the verifiers of its kecamatan are told of it. */
export function receivedText(report: { id: string; number: string; perihal: string; kecamatanNama: string; kerawanan: Kerawanan }): NotificationText {
  return {
    title: clip(`Laporan masuk ${report.number} · ${report.kecamatanNama}`, NOTIFICATION_LIMITS.titleMax),
    body: clip(`${report.perihal} (kerawanan ${report.kerawanan})`, NOTIFICATION_LIMITS.bodyMax),
    params: { kind: "report_received", number: report.number, kecamatan: report.kecamatanNama, perihal: report.perihal, kerawanan: report.kerawanan },
    link: staffReportLink(report.id),
    reportId: report.id,
  };
}
