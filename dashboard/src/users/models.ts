import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { UsersModel } from "./users.model.ts";

/** The shared models and account administration's own, built once when its page first loads. */
export const models = { ...shared, users: new UsersModel(api) };
