import type { Router } from "express";
import { accessGuard, actorOf } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { ChangesService } from "./changes.service.ts";

/** Catch-up for live clients: what happened after the last `seq` they saw, filtered by permission. */
export function changesRouter(changes: ChangesService): Router {
  return routerFor(
    {
      "GET /api/changes": async ({ query }, { req }) => {
        const { changes: list, lastSeq, more } = await changes.since(actorOf(req), query.after, query.limit);
        return { data: list, page: { total: null, next: more ? String(lastSeq) : null, seq: lastSeq } };
      },
    },
    accessGuard,
  );
}
