import type { Sequelize } from "sequelize";
import type { z } from "zod";
import type { CreateSubCategoryInput, SubCategoryView, UpdateSubCategoryInput } from "@contract/reports.ts";
import { conflict, notFound } from "../core/errors.ts";
import { getSubCategory, insertSubCategory, listSubCategories, updateSubCategory } from "./sub-categories.repo.ts";

export function createSubCategoriesService(db: Sequelize) {
  // Intake checks every situation report against the list: keep it in memory, refreshed on each change.
  let cache: Promise<SubCategoryView[]> | undefined;
  const all = () => (cache ??= listSubCategories(db).catch((err) => ((cache = undefined), Promise.reject(err))));

  return {
    list: all,

    /** Known for this bidang, active or retired: phones with an older list must not lose their reports. */
    async isKnown(bidang: string, name: string): Promise<boolean> {
      return (await all()).some((c) => c.bidang === bidang && c.name === name);
    },

    async create(input: z.infer<typeof CreateSubCategoryInput>): Promise<SubCategoryView> {
      const created = await insertSubCategory(db, input);
      if (!created) throw conflict("This sub-category already exists for that bidang");
      cache = undefined;
      return created;
    },

    async update(id: number, patch: z.infer<typeof UpdateSubCategoryInput>): Promise<SubCategoryView> {
      if (!(await getSubCategory(db, id))) throw notFound("Sub-category not found");
      const updated = await updateSubCategory(db, id, patch);
      cache = undefined;
      return updated!;
    },
  };
}

export type SubCategoriesService = ReturnType<typeof createSubCategoriesService>;
