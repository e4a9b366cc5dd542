import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { KiosksModel } from "./kiosks.model.ts";

/** The shared models and the kiosk page's own, built once when the page first loads. */
export const models = { ...shared, kiosks: new KiosksModel(api) };
