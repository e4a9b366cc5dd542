import { effect } from "@preact/signals";
import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { connectAlertSocket } from "./alert-socket.ts";
import { AlertsModel } from "./alerts.model.ts";
import { beep } from "./beep.ts";

/** The shared models and the early-warning page's own, built once when the page first loads. */
export const models = { ...shared, alerts: new AlertsModel(api, connectAlertSocket, { sound: beep }) };

// A socket outliving its session would reconnect as nobody: stop following when the user signs out.
effect(() => {
  if (!models.session.user.value) models.alerts.stop();
});
