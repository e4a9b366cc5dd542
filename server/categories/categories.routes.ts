import { Router } from "express";
import { z } from "zod";
import { CreateSubCategoryInput, UpdateSubCategoryInput } from "@contract/reports.ts";
import { authorize, publicAccess } from "../auth/auth.middleware.ts";
import { parseInput } from "../core/validate.ts";
import type { CategoriesService } from "./categories.service.ts";

const IdParam = z.object({ id: z.coerce.number().int().positive("not a sub-category id") });

/** The report form's sub-categories: anyone may read the list (it is not sensitive); admins edit it. */
export function categoriesRouter(categories: CategoriesService): Router {
  const router = Router();
  router.get("/api/sub-categories", publicAccess(), async (_req, res) => {
    res.json({ data: await categories.list() });
  });
  router.post("/api/sub-categories", authorize("category.manage"), async (req, res) => {
    res.status(201).json({ data: await categories.create(parseInput(CreateSubCategoryInput, req.body)) });
  });
  router.patch("/api/sub-categories/:id", authorize("category.manage"), async (req, res) => {
    const { id } = parseInput(IdParam, req.params);
    res.json({ data: await categories.update(id, parseInput(UpdateSubCategoryInput, req.body)) });
  });
  return router;
}
