import type { Router } from "express";
import { accessGuard } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { CategoriesService } from "./categories.service.ts";

/** The report form's sub-categories: anyone may read the list (it is not sensitive); admins edit it. */
export function categoriesRouter(categories: CategoriesService): Router {
  return routerFor(
    {
      "GET /api/sub-categories": async () => {
        const list = await categories.list();
        return { data: list, page: { total: list.length, next: null } };
      },
      "POST /api/sub-categories": async ({ body }, { res }) => {
        res.status(201);
        return { data: await categories.create(body) };
      },
      "PATCH /api/sub-categories/:id": async ({ params, body }) => ({ data: await categories.update(params.id, body) }),
    },
    accessGuard,
  );
}
