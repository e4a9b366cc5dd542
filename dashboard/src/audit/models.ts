import { api } from "../api/client.ts";
import { models as shared } from "../app/models.ts";
import { AuditModel } from "./audit.model.ts";

/** The shared models and the audit log's own, built once when its page first loads. */
export const models = { ...shared, audit: new AuditModel(api) };
