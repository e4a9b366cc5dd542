import { notificationWords, type NotificationLang } from "@contract/notification-words.ts";
import { NOTIFICATION_LIMITS, type NotificationParams, type PushPayload } from "@contract/notifications.ts";
import type { PublicReport } from "@contract/public-reports.ts";
import type { Kerawanan, ReportStatus } from "@contract/reports.ts";
import type { NotificationText } from "./notifications.repo.ts";

/**
 * Each notification's facts (`params`) and its stored words, in Bahasa Indonesia (contract
 * notification-words.ts makes them, in either language). Pure: each takes exactly the data its audience
 * may see — a publication's facts come from the public shape alone, so nothing of the staff view can
 * reach a guest through it.
 */

/** The statuses a report's author is told of. */
const DECISIONS: ReadonlySet<ReportStatus> = new Set(["verified", "rejected", "revision_requested", "published"]);

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The words of these facts in `lang`, clipped to what a notification holds. */
function clippedWords(params: NotificationParams, lang: NotificationLang): { title: string; body: string } {
  const w = notificationWords(params, lang);
  return { title: clip(w.title, NOTIFICATION_LIMITS.titleMax), body: clip(w.body, NOTIFICATION_LIMITS.bodyMax) };
}

/** A notification of these facts: the Indonesian words stored with them. */
const textOf = (params: NotificationParams, link: string, reportId: string): NotificationText => ({ ...clippedWords(params, "id"), params, link, reportId });

/** The public page of a published report. */
export const publicReportLink = (id: string) => `/laporan/${id}`;
/** The verification desk's page of a report. */
export const staffReportLink = (id: string) => `/ops/reports/${id}`;
/** An officer's own reports, in their phone app. */
export const officerReportsLink = () => "/m/#/laporan-saya";

/** The facts of a publication, from its public shape only. */
function publishedParams(report: PublicReport): NotificationParams {
  const place = report.desa ? `${report.desa.nama}, ${report.kecamatan.nama}` : report.kecamatan.nama;
  return { kind: "report_published", kecamatan: report.kecamatan.nama, title: report.title, bidang: report.bidang, place, day: report.day, summary: report.summary };
}

/** A publication, as subscribers (guests included) are told of it. */
export function publishedText(report: PublicReport): NotificationText {
  return textOf(publishedParams(report), publicReportLink(report.id), report.id);
}

/** A publication's push tag: a later push of the same report replaces it on the phone; an unpublish drops the unsent ones by it. */
export const publishTag = (reportId: string) => `laporan-${reportId}`;

/** The Web Push message of a publication in each language, the same words as the in-app one. */
export function publishedPushes(report: PublicReport): Record<NotificationLang, PushPayload> {
  const params = publishedParams(report);
  const push = (lang: NotificationLang): PushPayload => ({ ...clippedWords(params, lang), url: publicReportLink(report.id), tag: publishTag(report.id) });
  return { id: push("id"), en: push("en") };
}

/** A decision, as the report's author is told of it; null for a status that is not a decision. */
export function decisionText(report: { id: string; number: string; perihal: string; status: ReportStatus; statusNote: string | null }): NotificationText | null {
  if (!DECISIONS.has(report.status)) return null;
  return textOf({ kind: "report_decided", number: report.number, status: report.status, perihal: report.perihal, note: report.statusNote }, officerReportsLink(), report.id);
}

/** A new situation report, as the verifiers of its kecamatan are told of it. */
export function receivedText(report: { id: string; number: string; perihal: string; kecamatanNama: string; kerawanan: Kerawanan }): NotificationText {
  return textOf({ kind: "report_received", number: report.number, kecamatan: report.kecamatanNama, perihal: report.perihal, kerawanan: report.kerawanan }, staffReportLink(report.id), report.id);
}
