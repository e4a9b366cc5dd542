import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { KioskService } from "./kiosk.service.ts";

/** Kiosk tokens, for admins: issue (the secret shown once), list, revoke. */
export function kioskRouter(kiosks: KioskService): Router {
  return routerFor(
    {
      "GET /api/kiosk-tokens": async () => {
        const list = await kiosks.list();
        return { data: list, page: { total: list.length, next: null } };
      },
      "POST /api/kiosk-tokens": async ({ body }, { req, res }) => {
        res.status(201);
        return { data: await kiosks.issue(actorOf(req), body.label, requestContext(req)) };
      },
      "DELETE /api/kiosk-tokens/:id": async ({ params }, { req }) => ({ data: await kiosks.revoke(actorOf(req), params.id, requestContext(req)) }),
    },
    accessGuard,
  );
}
