import type { Sequelize } from "sequelize";
import type { AlertView } from "@contract/alerts.ts";
import { listAlerts } from "../alerts/alerts.repo.ts";
import { presentAlert } from "../alerts/alerts.present.ts";

/** Live alerts the wall lists at most (the live set is small: one per condition, most close by themselves). */
const WALL_ALERTS_MAX = 200;

/**
 * Every live alert, kabupaten-wide, in the alerts capability's own shape. Read through its repo and
 * presenter rather than its service: the service lists for an Actor (a verifier's region), and a kiosk is
 * none; the wall's readers (leaders, admins, kiosks) all see every kecamatan.
 */
export function wallAlerts(db: Sequelize): () => Promise<AlertView[]> {
  return async () => (await listAlerts(db, { status: "live", limit: WALL_ALERTS_MAX }, null)).map(presentAlert);
}
