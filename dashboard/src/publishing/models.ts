import { api } from "../api/client.ts";
import { PublishPanelModel } from "./publish-panel.model.ts";

/** The publish panel's model, built once with the report page's chunk. */
export const publishPanel = new PublishPanelModel(api);
