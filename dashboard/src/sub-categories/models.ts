import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { SubCategoriesModel } from "./sub-categories.model.ts";

/** The shared models and the sub-categories' own, built once when their page first loads. */
export const models = { ...shared, subCategories: new SubCategoriesModel(api) };
