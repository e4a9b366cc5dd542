import type { AlertChange } from "@contract/alerts.ts";
import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";

/**
 * Who hears of an alert: leaders and admins always, the wall, the verifiers of its kecamatan; never officers or
 * guests. Not in the change log: a screen that was away reloads `GET /api/alerts`.
 */
export function announceAlert(io: IoServer, change: AlertChange): void {
  const audience = [rooms.role("leader"), rooms.role("admin"), rooms.wall];
  if (change.alert.kecamatanKode) audience.push(rooms.kecamatanVerifiers(change.alert.kecamatanKode));
  io.to(audience).emit("alert:changed", change);
}
