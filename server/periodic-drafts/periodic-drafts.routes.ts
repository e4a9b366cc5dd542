import type { Router } from "express";
import { accessGuard, actorOf } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { PeriodicDraftsService } from "./periodic-drafts.service.ts";

export function periodicDraftsRouter(drafts: PeriodicDraftsService): Router {
  return routerFor(
    {
      "GET /api/periodic/draft": async ({ query }, { req }) => ({ data: await drafts.draft(actorOf(req), query) }),
    },
    accessGuard,
  );
}
