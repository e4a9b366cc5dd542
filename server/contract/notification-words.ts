import type { NotificationParams } from "./notifications.ts";
import type { Bidang, Kerawanan, ReportStatus } from "./reports.ts";

/**
 * What a notification says, in Bahasa Indonesia or English, made from its facts (NotificationParams).
 * One place for the words: the server stores the Indonesian ones and pushes each browser's language, the
 * dashboard's bell shows the reader's. Zod-free, so the bell's chunk carries only these few lines.
 */

export type NotificationLang = "id" | "en";

const BIDANG: Record<NotificationLang, Record<Bidang, string>> = {
  id: { ideologi: "Ideologi", politik: "Politik", ekonomi: "Ekonomi", "sosial-budaya": "Sosial budaya", "pertahanan-keamanan": "Pertahanan keamanan" },
  en: { ideologi: "Ideology", politik: "Politics", ekonomi: "Economy", "sosial-budaya": "Social and cultural", "pertahanan-keamanan": "Defence and security" },
};

const DECISION: Record<NotificationLang, Record<ReportStatus, string>> = {
  id: { submitted: "masuk", verified: "diverifikasi", rejected: "ditolak", revision_requested: "perlu diperbaiki", published: "dipublikasikan" },
  en: { submitted: "received", verified: "verified", rejected: "rejected", revision_requested: "needs revision", published: "published" },
};

const KERAWANAN: Record<NotificationLang, Record<Kerawanan, string>> = {
  id: { rendah: "rendah", sedang: "sedang", tinggi: "tinggi", sangat_tinggi: "sangat tinggi" },
  en: { rendah: "low", sedang: "medium", tinggi: "high", sangat_tinggi: "very high" },
};

/** The title and body of a notification, unclipped (the server clips what it stores and pushes). */
export function notificationWords(p: NotificationParams, lang: NotificationLang): { title: string; body: string } {
  const en = lang === "en";
  switch (p.kind) {
    case "report_published":
      return {
        title: en ? `New report in ${p.kecamatan}: ${p.title}` : `Laporan baru di ${p.kecamatan}: ${p.title}`,
        body: `${BIDANG[lang][p.bidang]} · ${p.place} · ${p.day}. ${p.summary}`,
      };
    case "report_decided": {
      const note = p.note ? (en ? ` Note: ${p.note}` : ` Catatan: ${p.note}`) : "";
      return { title: `${en ? "Report" : "Laporan"} ${p.number} ${DECISION[lang][p.status]}`, body: `${p.perihal}.${note}` };
    }
    case "report_received":
      return {
        title: en ? `New report ${p.number} · ${p.kecamatan}` : `Laporan masuk ${p.number} · ${p.kecamatan}`,
        body: `${p.perihal} (${en ? "risk level" : "kerawanan"} ${KERAWANAN[lang][p.kerawanan]})`,
      };
  }
}

/** Whether a language the user interface reports is one these words have; anything else reads Indonesian. */
export const notificationLangOf = (lang: string | null | undefined): NotificationLang => (lang === "en" ? "en" : "id");
