import type { ClientEventName } from "@contract/events.ts";
import type { EventGate } from "../core/socket-handler.ts";
import { can, type Access } from "./permissions.ts";

/**
 * Every client→server event's access decision. A Record over the contract's event names, so adding an
 * event to the contract without deciding who may send it does not compile.
 */
export const SOCKET_EVENT_ACCESS: Record<ClientEventName, Access> = {
  "report:submit": "report.submit",
};

/** The gate core's handleEvent asks on every event: the socket's actor against the access table. */
export const mayHandleEvent: EventGate = (socket, event) => {
  // A kiosk socket only listens (its actor describes a screen, not a person who may act).
  if (socket.data.kioskId) return false;
  const access = SOCKET_EVENT_ACCESS[event];
  return access === "public" || can(socket.data.actor, access);
};
