import type { ChangeEnvelope } from "@contract/events.ts";
import { openStaffSocket, type SocketLifecycle } from "../api/staff-socket.ts";
import type { ReportView } from "@contract/reports.ts";
import type { ClaimNotice } from "@contract/claims.ts";
import type { IncidentChange } from "@contract/incidents.ts";
import type { FollowUpChange } from "@contract/follow-ups.ts";

export interface ReportSocketHandlers extends SocketLifecycle {
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

/** The queue's and the report detail's socket: report changes, claims, incidents and follow-ups. */
export const connectReportSocket: ConnectReportSocket = (handlers) =>
  openStaffSocket(handlers, (socket) => {
    for (const event of REPORT_EVENTS) socket.on(event, (change) => handlers.change(change));
    socket.on("report:claimed", (notice) => handlers.claim?.(notice));
    socket.on("report:released", (notice) => handlers.claim?.(notice));
    socket.on("incident:changed", (change) => handlers.incident?.(change));
    socket.on("followup:changed", (change) => handlers.followUp?.(change));
  });
