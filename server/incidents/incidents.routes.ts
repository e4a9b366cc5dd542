import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { IncidentsService } from "./incidents.service.ts";

/** Duplicates of a report, and incidents: merge, add, take out, read. */
export function incidentsRouter(incidents: IncidentsService): Router {
  return routerFor(
    {
      "GET /api/reports/:id/duplicates": async ({ params, query }, { req }) => {
        const list = await incidents.duplicates(actorOf(req), params.id, query.limit);
        return { data: list, page: { total: null, next: null } };
      },

      "GET /api/incidents": async ({ query }, { req }) => {
        const { incidents: list, total } = await incidents.list(actorOf(req), query);
        const end = query.offset + list.length;
        return { data: list, page: { total, next: end < total ? String(end) : null } };
      },

      "GET /api/incidents/:id": async ({ params }, { req }) => ({ data: await incidents.get(actorOf(req), params.id) }),

      "POST /api/incidents": async ({ body }, { req, res }) => {
        const created = await incidents.create(requestContext(req), actorOf(req), body);
        res.status(201);
        return { data: created };
      },

      "POST /api/incidents/:id/reports": async ({ params, body }, { req }) => ({
        data: await incidents.addReports(requestContext(req), actorOf(req), params.id, body),
      }),

      "DELETE /api/incidents/:id/reports/:reportId": async ({ params }, { req }) => ({
        data: await incidents.removeReport(requestContext(req), actorOf(req), params.id, params.reportId),
      }),
    },
    accessGuard,
  );
}
