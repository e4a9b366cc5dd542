import type { NotificationView } from "@contract/notifications.ts";
import { openStaffSocket, type SocketLifecycle } from "../api/staff-socket.ts";

export interface NotificationSocketHandlers extends SocketLifecycle {
  received(notification: NotificationView): void;
  /** These of the user's notifications were deleted (their report was unpublished). */
  removed(ids: string[]): void;
}

/** Opens the socket and returns how to close it; the model takes this shape, tests fake it. */
export type ConnectNotificationSocket = (handlers: NotificationSocketHandlers) => () => void;

/**
 * `notification:new` on the default namespace, which guests join too (their session authenticates the
 * handshake like staff's; the server sends it to `user:<id>` only). Not in the change log: every
 * (re)connect reads the list again.
 */
export const connectNotificationSocket: ConnectNotificationSocket = (handlers) =>
  openStaffSocket(handlers, (socket) => {
    socket.on("notification:new", (n) => handlers.received(n));
    socket.on("notification:removed", ({ ids }) => handlers.removed(ids));
  });
