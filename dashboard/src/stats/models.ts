import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { StatsModel } from "./stats.model.ts";

/** The shared models and the statistics page's own, built once when the page first loads. */
export const models = { ...shared, stats: new StatsModel(api) };
