import type { Router } from "express";
import { accessGuard, actorOf } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { KabupatenSummaryService } from "./kabupaten-summary.service.ts";

export function kabupatenSummaryRouter(summaries: KabupatenSummaryService): Router {
  return routerFor(
    {
      "GET /api/periodic/kabupaten-summary": async ({ query }, { req }) => ({ data: await summaries.summary(actorOf(req), query) }),
    },
    accessGuard,
  );
}
