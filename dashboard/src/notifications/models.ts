import { effect } from "@preact/signals";
import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { connectNotificationSocket } from "./notification-socket.ts";
import { NotificationsModel } from "./notifications.model.ts";

/** The shared models and the notification centre, built once when the bell first loads (signed in only). */
export const models = { ...shared, notifications: new NotificationsModel(api, connectNotificationSocket) };

// A socket outliving its session would reconnect as nobody: stop following when the user signs out.
effect(() => {
  if (!models.session.user.value) models.notifications.stop();
});
