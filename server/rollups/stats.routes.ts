import type { Router } from "express";
import { accessGuard, actorOf } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { StatsService } from "./stats.service.ts";

export function statsRouter(stats: StatsService): Router {
  return routerFor(
    {
      "GET /api/stats/trend": async ({ query }, { req }) => ({ data: await stats.trend(actorOf(req), query) }),
      "GET /api/stats/summary": async ({ query }, { req }) => ({ data: await stats.summary(actorOf(req), query) }),
    },
    accessGuard,
  );
}
