import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { ScorecardModel } from "./scorecard.model.ts";

/** The shared models and the scorecard's own, built once when the page first loads. */
export const models = { ...shared, scorecard: new ScorecardModel(api) };
