import type { NotificationView } from "@contract/notifications.ts";
import type { NotificationRow } from "./notifications.repo.ts";

/** A notification as its owner sees it (the same for every role). */
export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: String(row.id),
    kind: row.kind,
    title: row.title,
    body: row.body,
    params: row.params ?? null,
    link: row.link,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
