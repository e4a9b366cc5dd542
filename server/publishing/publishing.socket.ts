import type { Namespace } from "socket.io";
import type { PublicServerEvents } from "@contract/events.ts";
import type { PublicReport } from "@contract/public-reports.ts";
import type { IoServer } from "../core/io.ts";
import { PUBLIC_NAMESPACE, rooms } from "../core/rooms.ts";

type PublicNamespace = Namespace<Record<string, never>, PublicServerEvents>;

/**
 * The public namespace with its own event map. core/io.ts types the server by the staff namespace's
 * events; the public one carries PublicServerEvents only, so this one view of it is where that is said.
 */
function publicNamespace(io: IoServer): PublicNamespace {
  return io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;
}

/** After the commit: everyone watching the public map sees the publication, in its public shape only. */
export function announcePublished(io: IoServer, report: PublicReport): void {
  publicNamespace(io).to(rooms.public).emit("report:published", report);
}

/** After the commit: every public view drops the report. */
export function announceUnpublished(io: IoServer, reportId: string): void {
  publicNamespace(io).to(rooms.public).emit("report:unpublished", { id: reportId });
}
