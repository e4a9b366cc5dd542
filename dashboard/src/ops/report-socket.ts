import { io, type Socket } from "socket.io-client";
import type { ChangeEnvelope, ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import type { ClaimNotice } from "@contract/claims.ts";
import type { IncidentChange } from "@contract/incidents.ts";
import type { FollowUpChange } from "@contract/follow-ups.ts";

export interface ReportSocketHandlers {
  connected(): void;
  disconnected(): void;
  change(change: ChangeEnvelope<ReportView>): void;
  /** The handshake was refused (no valid session): the caller decides whether to log in again. */
  refused(): void;
  /** Someone took, renewed or released a claim (not in the change log: a lease lapses by itself). */
  claim?(notice: ClaimNotice): void;
  /** An incident was made, grown, shrunk or dissolved. */
  incident?(change: IncidentChange): void;
  /** An assignment to an agency was made, answered or closed. */
  followUp?(change: FollowUpChange): void;
}

/** Opens the socket and returns how to close it: the ops model depends on this shape, tests fake it. */
export type ConnectReportSocket = (handlers: ReportSocketHandlers) => () => void;

const REPORT_EVENTS = ["report:created", "report:updated", "report:published"] as const;
const RETRY_MS = 5_000;

/**
 * The default namespace with the session cookie. Socket.IO reconnects by itself after network loss, but
 * not after the server refused the handshake or closed the socket on purpose (access changed): those
 * cases are handled here.
 */
export const connectReportSocket: ConnectReportSocket = (handlers) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true });
  let retry: ReturnType<typeof setTimeout> | undefined;
  const reconnectLater = () => {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), RETRY_MS);
  };

  // Closed because the user opened too many sockets (this was the oldest): coming back would close another.
  let displaced = false;
  socket.on("session:displaced", () => (displaced = true));
  socket.on("connect", () => handlers.connected());
  socket.on("disconnect", (reason) => {
    handlers.disconnected();
    // The server ends sockets when a user's access changes; a fresh handshake picks up the new rooms.
    if (reason === "io server disconnect" && !displaced) reconnectLater();
  });
  socket.on("connect_error", (err) => {
    handlers.disconnected();
    if (err.message === "unauthenticated") handlers.refused();
    else if (!socket.active) reconnectLater();
  });
  for (const event of REPORT_EVENTS) socket.on(event, (change) => handlers.change(change));
  socket.on("report:claimed", (notice) => handlers.claim?.(notice));
  socket.on("report:released", (notice) => handlers.claim?.(notice));
  socket.on("incident:changed", (change) => handlers.incident?.(change));
  socket.on("followup:changed", (change) => handlers.followUp?.(change));

  return () => {
    clearTimeout(retry);
    socket.disconnect();
  };
};
