import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { ClaimsService } from "./claims.service.ts";

export function claimsRouter(claims: ClaimsService): Router {
  return routerFor(
    {
      /** Take or renew: the detail calls this when it opens and every few minutes while it stays open. */
      "POST /api/reports/:id/claim": async ({ params }, { req }) => ({ data: await claims.claim(actorOf(req), params.id, requestContext(req)) }),

      /** Release on close; an admin breaking another's claim uses the same call. */
      "DELETE /api/reports/:id/claim": async ({ params }, { req }) => {
        await claims.release(actorOf(req), params.id, requestContext(req));
      },
    },
    accessGuard,
  );
}
