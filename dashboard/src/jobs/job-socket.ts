import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@contract/events.ts";
import type { JobRunView } from "@contract/jobs.ts";

export interface JobSocketHandlers {
  connected(): void;
  disconnected(): void;
  /** A run started, reported progress, or ended (`job:progress`, sent to admins only). */
  progress(run: JobRunView): void;
}

/** Opens the socket and returns how to close it: the jobs model takes this shape, tests fake it. */
export type ConnectJobSocket = (handlers: JobSocketHandlers) => () => void;

const RETRY_MS = 5_000;

/**
 * The default namespace with the session cookie, listening for job runs only. `job:progress` is not in
 * the change log, so there is nothing to resume: after a reconnect the model reads the lists again.
 * Like the ops socket, it reconnects itself after the server closed it on purpose (access changed).
 */
export const connectJobSocket: ConnectJobSocket = (handlers) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true });
  let retry: ReturnType<typeof setTimeout> | undefined;
  const reconnectLater = () => {
    clearTimeout(retry);
    retry = setTimeout(() => socket.connect(), RETRY_MS);
  };
  let displaced = false;
  socket.on("session:displaced", () => (displaced = true));
  socket.on("connect", () => handlers.connected());
  socket.on("disconnect", (reason) => {
    handlers.disconnected();
    if (reason === "io server disconnect" && !displaced) reconnectLater();
  });
  socket.on("connect_error", (err) => {
    handlers.disconnected();
    // A refused handshake (session gone) is left to the HTTP calls, whose 401 ends the session.
    if (err.message !== "unauthenticated" && !socket.active) reconnectLater();
  });
  socket.on("job:progress", (run) => handlers.progress(run));
  return () => {
    clearTimeout(retry);
    socket.disconnect();
  };
};
