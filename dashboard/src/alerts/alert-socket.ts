import type { AlertChange } from "@contract/alerts.ts";
import { openStaffSocket, type SocketLifecycle } from "../api/staff-socket.ts";

export interface AlertSocketHandlers extends SocketLifecycle {
  /** An alert opened, escalated, was updated, acknowledged or closed (`alert:changed`). */
  change(change: AlertChange): void;
}

/** Opens the socket and returns how to close it: the alerts model takes this shape, tests fake it. */
export type ConnectAlertSocket = (handlers: AlertSocketHandlers) => () => void;

/**
 * Alerts only. `alert:changed` is not in the change log, so there is nothing to resume from: after every
 * (re)connect the model reads the list again. A refused handshake (session gone) is left to the HTTP
 * calls, whose 401 ends the session.
 */
export const connectAlertSocket: ConnectAlertSocket = (handlers) =>
  openStaffSocket(handlers, (socket) => socket.on("alert:changed", (change) => handlers.change(change)));
