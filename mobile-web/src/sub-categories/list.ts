import type { SubCategoryView } from "@contract/reports.ts";
import { isObject } from "../storage/local.ts";

/** One row of `GET /api/sub-categories`, checked by hand: zod stays out of the first-load bundle. */
const isSubCategory = (v: unknown): v is SubCategoryView =>
  isObject(v) &&
  typeof v.id === "number" &&
  typeof v.bidang === "string" &&
  typeof v.name === "string" &&
  v.name !== "" &&
  typeof v.active === "boolean" &&
  typeof v.sort === "number";

/** The server's list, or null when the answer is not one (a proxy page, an older server). */
export function parseSubCategories(value: unknown): SubCategoryView[] | null {
  return Array.isArray(value) && value.every(isSubCategory) ? value : null;
}

/** The form's order: `sort`, then name. */
export const bySortThenName = (a: SubCategoryView, b: SubCategoryView) => a.sort - b.sort || a.name.localeCompare(b.name, "id");
