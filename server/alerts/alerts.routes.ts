import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { AlertsService } from "./alerts.service.ts";

/** Alerts: read, acknowledge, close; the rules' settings and a run by hand. */
export function alertsRouter(alerts: AlertsService): Router {
  return routerFor(
    {
      "GET /api/alerts": async ({ query }, { req }) => alerts.list(actorOf(req), query),
      "GET /api/alerts/levels": async () => ({ data: await alerts.levels() }),
      "GET /api/alerts/rules": async () => ({ data: await alerts.settings() }),
      "PUT /api/alerts/rules": async ({ body }, { req }) => ({ data: await alerts.putSettings(actorOf(req), body, requestContext(req)) }),
      "POST /api/alerts/evaluate": async () => ({ data: { changed: (await alerts.evaluate()).length } }),
      "GET /api/alerts/:id": async ({ params }, { req }) => ({ data: await alerts.get(actorOf(req), params.id) }),
      "POST /api/alerts/:id/acknowledge": async ({ params, body }, { req }) => ({
        data: await alerts.acknowledge(actorOf(req), params.id, body.note, requestContext(req)),
      }),
      "POST /api/alerts/:id/close": async ({ params, body }, { req }) => ({ data: await alerts.close(actorOf(req), params.id, body.note, requestContext(req)) }),
    },
    accessGuard,
  );
}
