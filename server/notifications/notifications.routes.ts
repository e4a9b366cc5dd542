import type { Router } from "express";
import { accessGuard, actorOf } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { NotificationsService } from "./notifications.service.ts";
import type { PushService } from "./push.service.ts";

/** The notification centre, subscriptions, and Web Push registration. */
export function notificationsRouter(notifications: NotificationsService, push: PushService): Router {
  return routerFor(
    {
      "GET /api/notifications": ({ query }, { req }) => notifications.list(actorOf(req), query),
      "POST /api/notifications/read": async ({ body }, { req }) => ({ data: await notifications.markRead(actorOf(req), body) }),
      "GET /api/notifications/subscriptions": async (_, { req }) => ({ data: await notifications.subscription(actorOf(req)) }),
      "PUT /api/notifications/subscriptions": async ({ body }, { req }) => ({ data: await notifications.putSubscription(actorOf(req), body) }),
      "GET /api/push/key": async () => ({ data: await push.key() }),
      "POST /api/push/subscriptions": async ({ body }, { req }) => push.subscribe(actorOf(req), body),
      "PATCH /api/push/subscriptions": async ({ body }, { req }) => push.setLanguage(actorOf(req), body),
      "DELETE /api/push/subscriptions": async ({ body }, { req }) => push.unsubscribe(actorOf(req), body.endpoint),
    },
    accessGuard,
  );
}
