import { api } from "../api/client.ts";
import { NewsAdminModel } from "./news-admin.model.ts";

/** The news desk's model, built once when the admin page first loads. */
export const newsAdmin = new NewsAdminModel(api);
