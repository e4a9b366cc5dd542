import type { Router } from "express";
import { accessGuard } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { SubCategoriesService } from "./sub-categories.service.ts";

/** The report form's sub-categories: anyone may read the list (it is not sensitive); admins edit it. */
export function subCategoriesRouter(subCategories: SubCategoriesService): Router {
  return routerFor(
    {
      "GET /api/sub-categories": async () => {
        const list = await subCategories.list();
        return { data: list, page: { total: list.length, next: null } };
      },
      "POST /api/sub-categories": async ({ body }, { res }) => {
        res.status(201);
        return { data: await subCategories.create(body) };
      },
      "PATCH /api/sub-categories/:id": async ({ params, body }) => ({ data: await subCategories.update(params.id, body) }),
    },
    accessGuard,
  );
}
