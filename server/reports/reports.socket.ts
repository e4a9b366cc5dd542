import type { Logger } from "pino";
import type { IoServer } from "../core/io.ts";
import { handleEvent } from "../core/socket-handler.ts";
import { mayHandleEvent } from "../auth/socket-access.ts";
import type { ReportIntake } from "./intake.ts";

/** Socket door of intake: `report:submit` with an ack sent after the commit. */
export function registerReportEvents(io: IoServer, intake: ReportIntake, log: Logger) {
  const deps = { log, mayHandle: mayHandleEvent };
  io.on("connection", (socket) => {
    handleEvent(socket, "report:submit", deps, (input) => intake.submit(socket.data.actor, input, { socketId: socket.id }));
  });
}
