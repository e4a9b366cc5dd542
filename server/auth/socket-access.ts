import type { ClientEventName } from "@contract/events.ts";
import type { Access } from "./permissions.ts";

/**
 * Every client→server event's access decision. A Record over the contract's event names, so adding an
 * event to the contract without deciding who may send it does not compile.
 */
export const SOCKET_EVENT_ACCESS: Record<ClientEventName, Access> = {
  "report:submit": "report.submit",
};
