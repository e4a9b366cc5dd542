import { effect } from "@preact/signals";
import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { i18n } from "../i18n/i18n.ts";
import { connectNotificationSocket } from "./notification-socket.ts";
import { NotificationsModel } from "./notifications.model.ts";
import { followLanguage } from "./push-subscribe.ts";

/** The shared models and the notification centre, built once when the bell first loads (signed in only). */
export const models = { ...shared, notifications: new NotificationsModel(api, connectNotificationSocket) };

// A socket outliving its session would reconnect as nobody: stop following when the user signs out.
effect(() => {
  if (!models.session.user.value) models.notifications.stop();
});

// Pushes speak the dashboard's language: switching it while signed in re-words this browser's pushes.
let pushLang = i18n.lang.peek();
effect(() => {
  const lang = i18n.lang.value;
  if (lang === pushLang) return;
  pushLang = lang;
  if (models.session.user.peek()) void followLanguage(api);
});
