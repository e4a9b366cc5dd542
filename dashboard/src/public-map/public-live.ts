import { io, type Socket } from "socket.io-client";
import type { PublicServerEvents } from "@contract/events.ts";
import type { PublicReport } from "@contract/public-reports.ts";

/** Mirrors server/core/rooms.ts PUBLIC_NAMESPACE (not imported: that file is the server's). */
const PUBLIC_NAMESPACE = "/public";

export interface PublicLiveHandlers {
  published(report: PublicReport): void;
  withdrawn(id: string): void;
  /** Back after a cut: what was published or withdrawn meanwhile is not replayed, so the view reloads. */
  resumed(): void;
  connection(state: "live" | "offline"): void;
}

/**
 * The public namespace, no session: publications and withdrawals as they happen. Loaded after the map is
 * drawn (a separate chunk), so a visitor on 3G sees the map first and the live feed a moment later.
 */
export function openPublicLive(h: PublicLiveHandlers): () => void {
  const socket: Socket<PublicServerEvents> = io(PUBLIC_NAMESPACE, { withCredentials: false });
  let wasConnected = false;
  socket.on("connect", () => {
    h.connection("live");
    if (wasConnected) h.resumed();
    wasConnected = true;
  });
  socket.on("disconnect", () => h.connection("offline"));
  socket.on("connect_error", () => h.connection("offline"));
  socket.on("report:published", (report) => h.published(report));
  socket.on("report:unpublished", ({ id }) => h.withdrawn(id));
  return () => socket.disconnect();
}
