import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { BulkService } from "./bulk.service.ts";

export function bulkRouter(bulk: BulkService): Router {
  return routerFor(
    {
      /** 200 whatever became of the items: each one's outcome is in the answer. */
      "POST /api/reports/bulk": async ({ body }, { req }) => ({ data: await bulk.apply(actorOf(req), body, requestContext(req)) }),
    },
    accessGuard,
  );
}
