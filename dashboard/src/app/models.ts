import { api } from "../api/client.ts";
import { SessionModel } from "../auth/session.model.ts";
import { MapDataModel } from "../map/map-data.model.ts";

/**
 * The models every page needs (who is signed in; settings and kecamatan boundaries), built once, on the
 * one HTTP client. Each lazily loaded area builds its own in its `models.ts` when its first page loads
 * (`ops/models.ts`, `users/models.ts`, …), so the public map never downloads them.
 */
export const models = {
  session: new SessionModel(api),
  mapData: new MapDataModel(api),
};
