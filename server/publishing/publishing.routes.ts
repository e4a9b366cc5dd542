import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { PublishingService } from "./publishing.service.ts";

/** The verifiers' side of publishing: the draft, publish, unpublish. */
export function publishingRouter(publishing: PublishingService): Router {
  return routerFor(
    {
      "GET /api/reports/:id/public-draft": async ({ params }, { req }) => ({ data: await publishing.draft(actorOf(req), params.id) }),
      "POST /api/reports/:id/publish": async ({ params, body }, { req }) => ({ data: await publishing.publish(actorOf(req), params.id, body, requestContext(req)) }),
      "POST /api/reports/:id/unpublish": async ({ params, body }, { req }) => ({ data: await publishing.unpublish(actorOf(req), params.id, body, requestContext(req)) }),
    },
    accessGuard,
  );
}
