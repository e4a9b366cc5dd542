import { io, type Socket } from "socket.io-client";
import type { AlertChange } from "@contract/alerts.ts";
import type { WallReportChange, WallServerEvents } from "@contract/wall.ts";

type WallEvents = WallServerEvents & { "alert:changed": (change: AlertChange) => void };

export interface WallSocketHandlers {
  connected(): void;
  disconnected(reason: string): void;
  /** The server refused the handshake (token revoked, session gone) or closed the socket on purpose. */
  refused(reason: string): void;
  report(change: WallReportChange): void;
  alert(change: AlertChange): void;
}

export interface WallSocket {
  readonly connected: boolean;
  /** Connect again if Socket.IO has stopped trying (after a refusal or a server's disconnect). */
  reconnectNow(): void;
  /** Drop the connection and make a fresh one (the watchdog's remedy for a socket that says it is fine). */
  restart(): void;
  close(): void;
}

/**
 * The wall's socket: a kiosk presents its token in the handshake (`auth.kioskToken`), a leader's page
 * asks for the wall room with `auth.view = "wall"` and its session cookie. Socket.IO reconnects by itself
 * after a network cut or a server restart (backoff up to 10 s); a refusal or a server-side disconnect it
 * does not retry, which is left to the caller (wall-sync.ts), who first asks the REST API why.
 */
export function openWallSocket(kioskToken: string | null, handlers: WallSocketHandlers): WallSocket {
  const socket: Socket<WallEvents> = io({
    auth: kioskToken ? { kioskToken } : { view: "wall" },
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
  });
  socket.on("connect", () => handlers.connected());
  socket.on("disconnect", (reason) => {
    handlers.disconnected(reason);
    if (reason === "io server disconnect") handlers.refused(reason);
  });
  socket.on("connect_error", (err) => {
    handlers.disconnected("connect_error");
    if (!socket.active) handlers.refused(err.message);
  });
  socket.on("wall:report", (change) => handlers.report(change));
  socket.on("alert:changed", (change) => handlers.alert(change));
  return {
    get connected() {
      return socket.connected;
    },
    reconnectNow() {
      if (!socket.connected && !socket.active) socket.connect();
    },
    restart() {
      socket.disconnect();
      socket.connect();
    },
    close() {
      socket.disconnect();
    },
  };
}
