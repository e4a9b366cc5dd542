import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { AmendmentsService } from "./amendments.service.ts";
import type { HistoryService } from "./history.service.ts";

/** A report's past for the verification desk, and the review of an amendment. */
export function reportHistoryRouter(history: HistoryService, amendments: AmendmentsService): Router {
  return routerFor(
    {
      "GET /api/reports/:id/history": async ({ params }, { req }) => {
        const events = await history.history(actorOf(req), params.id);
        return { data: events, page: { total: events.length, next: null } };
      },

      "GET /api/reports/:id/revisions": async ({ params }, { req }) => {
        const revisions = await history.revisions(actorOf(req), params.id);
        return { data: revisions, page: { total: revisions.length, next: null } };
      },

      "GET /api/reports/:id/revisions/:n": async ({ params }, { req }) => ({ data: await history.revision(actorOf(req), params.id, params.n) }),

      "GET /api/reports/:id/diff": async ({ params, query }, { req }) => ({
        data: await history.diff(actorOf(req), params.id, query.from, query.to),
      }),

      "POST /api/reports/:id/review-amendment": async ({ params, body }, { req }) => ({
        data: await amendments.review(actorOf(req), params.id, body, requestContext(req)),
      }),
    },
    accessGuard,
  );
}
