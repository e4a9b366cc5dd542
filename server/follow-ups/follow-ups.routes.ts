import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { AgenciesService } from "./agencies.service.ts";
import type { FollowUpsService } from "./follow-ups.service.ts";

/** Partner agencies (admins keep them) and follow-up assignments (verifiers assign, leaders watch). */
export function followUpsRouter(agencies: AgenciesService, followUps: FollowUpsService): Router {
  return routerFor(
    {
      "GET /api/agencies": async ({ query }) => {
        const { agencies: list, total } = await agencies.list(query);
        const end = query.offset + list.length;
        return { data: list, page: { total, next: end < total ? String(end) : null } };
      },
      "POST /api/agencies": async ({ body }, { req, res }) => {
        const created = await agencies.create(requestContext(req), body);
        res.status(201);
        return { data: created };
      },
      "PATCH /api/agencies/:id": async ({ params, body }, { req }) => ({ data: await agencies.update(requestContext(req), params.id, body) }),

      "GET /api/follow-ups": async ({ query }, { req }) => {
        const { assignments, total } = await followUps.list(actorOf(req), query);
        const end = query.offset + assignments.length;
        return { data: assignments, page: { total, next: end < total ? String(end) : null } };
      },
      "GET /api/follow-ups/board": async (_input, { req }) => ({ data: await followUps.board(actorOf(req)) }),
      /** One assignment per agency named; 201 with all of them, or nothing at all. */
      "POST /api/follow-ups": async ({ body }, { req, res }) => {
        const made = await followUps.create(requestContext(req), actorOf(req), body);
        res.status(201);
        return { data: made, page: { total: made.length, next: null } };
      },
      "POST /api/follow-ups/:id/response": async ({ params, body }, { req }) => ({
        data: await followUps.respond(requestContext(req), actorOf(req), params.id, body.response),
      }),
      "POST /api/follow-ups/:id/close": async ({ params, body }, { req }) => ({
        data: await followUps.close(requestContext(req), actorOf(req), params.id, body.note || null),
      }),
      "GET /api/reports/:id/follow-ups": async ({ params }, { req }) => {
        const list = await followUps.forReport(actorOf(req), params.id);
        return { data: list, page: { total: list.length, next: null } };
      },
    },
    accessGuard,
  );
}
