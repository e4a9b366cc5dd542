import type { Http } from "@kit/http.ts";
import { notificationLangOf } from "@contract/notification-words.ts";
import { i18n } from "../i18n/i18n.ts";

/** The service worker that shows pushes (dashboard/public/sw-push.js, served from the site root). */
export const PUSH_WORKER_URL = "/sw-push.js";

export type PushState = "unsupported" | "denied" | "off" | "on";

export function pushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** Whether this browser has a push subscription with our worker now. */
export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  const registration = await navigator.serviceWorker.getRegistration(PUSH_WORKER_URL);
  return (await registration?.pushManager.getSubscription()) ? "on" : "off";
}

/** The VAPID key (base64url) as the bytes `applicationServerKey` wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((base64url.length + 3) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Ask permission (the caller runs this from a click: browsers refuse a prompt otherwise), register the
 * worker, subscribe with the server's VAPID key and hand the subscription to the server.
 */
export async function enablePush(http: Http): Promise<PushState> {
  if (!pushSupported()) return "unsupported";
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "denied" : "off";
  const registration = await navigator.serviceWorker.register(PUSH_WORKER_URL);
  await navigator.serviceWorker.ready;
  const { data } = await http.call("GET /api/push/key", {});
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(data.publicKey) }));
  const json = subscription.toJSON() as { endpoint: string; expirationTime?: number | null; keys: { p256dh: string; auth: string } };
  // Pushes to this browser are worded in the dashboard's language as it is now (and follow it: followLanguage).
  await http.call("POST /api/push/subscriptions", { body: { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: json.keys, lang: notificationLangOf(i18n.lang.value) } });
  return "on";
}

/**
 * The dashboard's language changed: if this browser has a push subscription, its pushes are worded in the
 * new language from now on. Only the signed-in user's own subscription changes (the server answers 404 for
 * one another user made on this browser, which is theirs): a failure is harmless and stays quiet.
 */
export async function followLanguage(http: Http): Promise<void> {
  if (!pushSupported() || Notification.permission !== "granted") return;
  const registration = await navigator.serviceWorker.getRegistration(PUSH_WORKER_URL);
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  await http.call("PATCH /api/push/subscriptions", { body: { endpoint: subscription.endpoint, lang: notificationLangOf(i18n.lang.value) } }).catch(() => undefined);
}

/** Unsubscribe this browser, and tell the server to forget it. */
export async function disablePush(http: Http): Promise<PushState> {
  const registration = pushSupported() ? await navigator.serviceWorker.getRegistration(PUSH_WORKER_URL) : undefined;
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await http.call("DELETE /api/push/subscriptions", { body: { endpoint: subscription.endpoint } });
    await subscription.unsubscribe();
  }
  return pushState();
}
