import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";
import { presentNotification } from "./notifications.present.ts";
import type { NotificationRow } from "./notifications.repo.ts";

/** Each new notification to its owner's sockets only (every node, through the adapter). */
export function announceNotifications(io: IoServer, rows: NotificationRow[]): void {
  for (const row of rows) io.to(rooms.user(row.user_id)).emit("notification:new", presentNotification(row));
}
