// PGlite + PostGIS behind its wire-protocol socket, in a worker thread of its own (started by
// embedded-postgres.ts). PGlite executes each query synchronously; here that blocks this thread only,
// not the server's event loop with its sockets, timers and acks.
//
// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader of whatever started
// the process (tsx for the server, Vite for the tests), and this file needs nothing but the packages.
// Messages: see WorkerMessage in embedded-postgres.ts.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
// Trigram similarity for duplicate detection (migration 0010 creates the extension). Listing it here only
// makes its library loadable; a data directory made before it was listed opens the same.
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const port = parentPort;
const { dir, maxConnections } = workerData;

try {
  const db = await PGlite.create({ dataDir: dir, extensions: { postgis, pg_trgm } });
  // A new 16 MB WAL segment is otherwise zero-filled first, stalling every query for that long (seen as
  // the ack p99 of bench/intake, embedded). Only the last byte is written instead; PGlite is one backend
  // session, so this setting covers all its WAL.
  await db.exec("SET wal_init_zero = off");
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  port.on("message", (m) => {
    if (m !== "stop") return;
    void (async () => {
      await server.stop();
      // pglite-socket handles a connection's close on a later setImmediate and asks the database whether a
      // transaction is open; one turn of the loop lets those run before the database is gone (otherwise a
      // pool that closed just before the stop crashes this thread with a TypeError inside pglite-socket).
      await new Promise((resolve) => setImmediate(resolve));
      await db.close();
      port.postMessage({ type: "stopped" });
    })();
  });
  port.postMessage({ type: "ready", conn: server.getServerConn() });
} catch (err) {
  port.postMessage({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
