import type { IoServer } from "../core/io.ts";
import { rooms } from "../core/rooms.ts";
import { presentNotification } from "./notifications.present.ts";
import type { NotificationRow } from "./notifications.repo.ts";

/** Each new notification to its owner's sockets only (every node, through the adapter). */
export function announceNotifications(io: IoServer, rows: NotificationRow[]): void {
  for (const row of rows) io.to(rooms.user(row.user_id)).emit("notification:new", presentNotification(row));
}

/** Notifications deleted (an unpublished report's notices): each owner is told which of theirs went. */
export function announceRemoved(io: IoServer, rows: { id: string; user_id: string }[]): void {
  const byUser = new Map<string, string[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.id]);
  for (const [userId, ids] of byUser) io.to(rooms.user(userId)).emit("notification:removed", { ids });
}
