import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { DutiesModel } from "./duties.model.ts";

/** The shared models and the duties page's own, built once when the page first loads. */
export const models = { ...shared, duties: new DutiesModel(api) };
