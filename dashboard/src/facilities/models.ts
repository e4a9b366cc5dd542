import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { FacilitiesModel } from "./facilities.model.ts";

/** The shared models and the facilities page's own, built once when the page first loads. */
export const models = { ...shared, facilities: new FacilitiesModel(api) };
