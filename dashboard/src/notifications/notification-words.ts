import { notificationLangOf, notificationWords as wordsOf } from "@contract/notification-words.ts";
import type { NotificationView } from "@contract/notifications.ts";
import { i18n } from "../i18n/i18n.ts";

/**
 * A notification's words in the reader's language. Indonesian is what the server stored (and pushed); in
 * English the words are made from the notification's facts (`params`) by the same words the server
 * uses. One stored before facts were kept is shown as stored.
 */
export function notificationWords(n: NotificationView): { title: string; body: string } {
  const lang = notificationLangOf(i18n.lang.value);
  return lang === "en" && n.params ? wordsOf(n.params, lang) : { title: n.title, body: n.body };
}
