import type { Server as HttpServer } from "node:http";
import type { Server as IoServer } from "socket.io";
import type { Logger } from "pino";
import type { Database } from "./db.ts";

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close sockets, then the database.
 * A second signal or the grace period running out ends the process anyway.
 */
export function installGracefulShutdown(opts: {
  http: HttpServer;
  io: IoServer;
  db: Database;
  log: Logger;
  graceMs: number;
  beforeClose?: () => Promise<void>;
  /** After HTTP and sockets are closed, before the database: e.g. the session store's pool. */
  afterHttp?: () => Promise<void>;
}) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      opts.log.warn({ signal }, "second signal, exiting now");
      process.exit(1);
    }
    stopping = true;
    opts.log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      opts.log.error("grace period over, exiting");
      process.exit(1);
    }, opts.graceMs);
    force.unref();
    try {
      await opts.beforeClose?.();
      // Socket.IO disconnects its clients, then closes the HTTP server: no new connections, idle keep-alive
      // ones dropped (Node ≥ 19), and the callback fires once in-flight requests have finished.
      await new Promise<void>((resolve) => opts.io.close(() => resolve()));
      await opts.afterHttp?.();
      await opts.db.close();
      opts.log.info("stopped cleanly");
      process.exit(0);
    } catch (err) {
      opts.log.error({ err }, "error during shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
