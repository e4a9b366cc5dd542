import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";

export type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What every screen with a live socket hears of the connection itself. */
export interface SocketLifecycle {
  connected(): void;
  disconnected(): void;
  /** The handshake was refused (no valid session): the caller decides whether to log in again. */
  refused?(): void;
}

const RETRY_MS = 5_000;

/**
 * The default namespace with the session cookie, for one screen: `listen` subscribes the screen's own
 * events, and the answer closes it. Socket.IO reconnects by itself after network loss, but not after the
 * server refused the handshake or closed the socket on purpose (access changed: a fresh handshake picks
 * up the new rooms), which is handled here — except when this socket was displaced (the user opened too
 * many; coming back would close another).
 */
export function openStaffSocket(life: SocketLifecycle, listen: (socket: StaffSocket) => void): () => void {
  const socket: StaffSocket = io({ withCredentials: true });
  let retry: ReturnType<typeof setTimeout> | undefined;
  const reconnectLater = () => {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), RETRY_MS);
  };
  let displaced = false;
  socket.on("session:displaced", () => (displaced = true));
  socket.on("connect", () => life.connected());
  socket.on("disconnect", (reason) => {
    life.disconnected();
    if (reason === "io server disconnect" && !displaced) reconnectLater();
  });
  socket.on("connect_error", (err) => {
    life.disconnected();
    if (err.message === "unauthenticated") life.refused?.();
    else if (!socket.active) reconnectLater();
  });
  listen(socket);
  return () => {
    clearTimeout(retry);
    socket.disconnect();
  };
}
