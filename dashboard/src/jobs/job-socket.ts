import type { JobRunView } from "@contract/jobs.ts";
import { openStaffSocket, type SocketLifecycle } from "../api/staff-socket.ts";

export interface JobSocketHandlers extends SocketLifecycle {
  /** A run started, reported progress, or ended (`job:progress`, sent to admins only). */
  progress(run: JobRunView): void;
}

/** Opens the socket and returns how to close it: the jobs model takes this shape, tests fake it. */
export type ConnectJobSocket = (handlers: JobSocketHandlers) => () => void;

/**
 * Job runs only. `job:progress` is not in the change log, so there is nothing to resume: after a
 * reconnect the model reads the lists again. A refused handshake (session gone) is left to the HTTP
 * calls, whose 401 ends the session.
 */
export const connectJobSocket: ConnectJobSocket = (handlers) =>
  openStaffSocket(handlers, (socket) => socket.on("job:progress", (run) => handlers.progress(run)));
