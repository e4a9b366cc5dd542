import { z } from "zod";
import { dataOf, pageOf } from "./envelope.ts";
import * as N from "./notifications.ts";

/** The notification routes of the API table (routes.ts spreads them into API_ROUTES, which checks each entry against RouteSpec). */
export const NOTIFICATION_ROUTES = {
  // Notifications (issue 14, notifications.ts, `N`): each signed-in user's own centre and subscription; Web Push registration.
  /** The caller's notifications, newest first, in keyset pages (`page.next` back as `before`), with the unread count. */
  "GET /api/notifications": { access: "notification.subscribe", query: N.NotificationListQuery, output: pageOf(N.NotificationView).extend({ unread: z.number().int() }), cursor: "before" },
  /** Mark `ids` (the caller's own; others' are ignored) or `all: true` read; answers what is still unread. */
  "POST /api/notifications/read": { access: "notification.subscribe", body: N.MarkReadInput, output: dataOf(N.UnreadCount) },
  /** Which publications the caller hears of: off until turned on; empty lists mean all. */
  "GET /api/notifications/subscriptions": { access: "notification.subscribe", output: dataOf(N.NotificationSubscription) },
  "PUT /api/notifications/subscriptions": { access: "notification.subscribe", body: N.NotificationSubscription, output: dataOf(N.NotificationSubscription) },
  /** The server's VAPID public key, for `PushManager.subscribe`. */
  "GET /api/push/key": { access: "public", output: dataOf(N.PushKey) },
  /** Store this browser's push subscription for the caller; 400 for a bad endpoint (https only) or key. */
  "POST /api/push/subscriptions": { access: "notification.subscribe", body: N.PushSubscriptionInput, output: "empty" },
  /**
   * Word the caller's subscription of `endpoint` in `lang` from now on; 404 when the caller has none there
   * (it may be another user's, who subscribed on this browser: that is theirs to change).
   */
  "PATCH /api/push/subscriptions": { access: "notification.subscribe", body: N.PushLanguageInput, output: "empty" },
  /** Forget the caller's subscription of `endpoint` (none is fine too). */
  "DELETE /api/push/subscriptions": { access: "notification.subscribe", body: N.PushEndpointInput, output: "empty" },
} as const;
