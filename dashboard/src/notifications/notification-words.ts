import type { NotificationView } from "@contract/notifications.ts";
import { i18n } from "../i18n/i18n.ts";
import { tx } from "./messages.ts";

/**
 * A notification's words in the reader's language. Indonesian is what the server stored (and pushed); in
 * English the words are made from the notification's facts (`params`). One stored before facts were kept
 * is shown as stored.
 */
export function notificationWords(n: NotificationView): { title: string; body: string } {
  const p = n.params;
  if (i18n.lang.value !== "en" || !p) return { title: n.title, body: n.body };
  switch (p.kind) {
    case "report_published":
      return {
        title: tx("notif.text.published.title", { kecamatan: p.kecamatan, title: p.title }),
        body: tx("notif.text.published.body", { bidang: tx(`notif.bidang.${p.bidang}`), place: p.place, day: p.day, summary: p.summary }),
      };
    case "report_decided":
      return {
        title: tx("notif.text.decided.title", { number: p.number, decision: tx(`notif.decision.${p.status}`) }),
        body: p.note ? tx("notif.text.decided.note", { perihal: p.perihal, note: p.note }) : tx("notif.text.decided.body", { perihal: p.perihal }),
      };
    case "report_received":
      return {
        title: tx("notif.text.received.title", { number: p.number, kecamatan: p.kecamatan }),
        body: tx("notif.text.received.body", { perihal: p.perihal, kerawanan: tx(`notif.kerawanan.${p.kerawanan}`) }),
      };
  }
}
