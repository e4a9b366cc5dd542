import { api } from "../api/client.ts";
import { AuditModel } from "../audit/audit.model.ts";
import { SubCategoriesModel } from "../sub-categories/sub-categories.model.ts";
import { SessionModel } from "../auth/session.model.ts";
import { MapDataModel } from "../map/map-data.model.ts";
import { OpsModel } from "../ops/ops.model.ts";
import { connectReportSocket } from "../ops/report-socket.ts";
import { UsersModel } from "../users/users.model.ts";

/** Every model of the dashboard, built once, in one place, on the one HTTP client. */
export const models = {
  session: new SessionModel(api),
  mapData: new MapDataModel(api),
  users: new UsersModel(api),
  audit: new AuditModel(api),
  subCategories: new SubCategoriesModel(api),
  ops: new OpsModel(api, connectReportSocket),
};
