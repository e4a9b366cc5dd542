import type { Router } from "express";
import { routerFor } from "../core/routes.ts";
import { accessGuard, requestContext } from "../auth/auth.middleware.ts";
import type { UsersService } from "./users.service.ts";

/** Account administration: admins only (the contract table says so). */
export function usersRouter(users: UsersService): Router {
  return routerFor(
    {
      "GET /api/users": async ({ query }) => {
        const { users: list, total } = await users.list(query);
        const end = query.offset + list.length;
        return { data: list, page: { total, next: end < total ? String(end) : null } };
      },

      "POST /api/users": async ({ body }, { req, res }) => {
        res.status(201);
        return { data: await users.create(requestContext(req), body) };
      },

      "GET /api/users/:id": async ({ params }) => ({ data: await users.get(params.id) }),

      "PATCH /api/users/:id": async ({ params, body }, { req }) => ({ data: await users.update(requestContext(req), params.id, body) }),

      "POST /api/users/:id/reset-password": async ({ params }, { req }) => ({ data: await users.resetPassword(requestContext(req), params.id) }),
    },
    accessGuard,
  );
}
