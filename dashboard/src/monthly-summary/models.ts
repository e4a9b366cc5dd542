import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { MonthlySummaryModel } from "./monthly-summary.model.ts";

/** The shared models and the monthly summary page's own, built once when the page first loads. */
export const models = { ...shared, monthlySummary: new MonthlySummaryModel(api) };
