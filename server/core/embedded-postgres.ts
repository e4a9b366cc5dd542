import { mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";

/** What embedded-postgres.worker.mjs is given, and what it says back. */
interface WorkerInput {
  dir: string;
  maxConnections: number;
}
type WorkerMessage = { type: "ready"; conn: string } | { type: "failed"; message: string } | { type: "stopped" };

export interface EmbeddedPostgres {
  /** A postgres:// URL on loopback that `pg` and Sequelize use exactly like a real server. */
  url: string;
  stop(): Promise<void>;
}

/** How long a clean stop (checkpoint, files closed) may take before the thread is cut off. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Start PGlite (PostgreSQL compiled to WASM) with PostGIS, persisted under `dataDir`, and expose it over
 * the PostgreSQL wire protocol on a random loopback port. The rest of the server cannot tell it apart from
 * a real PostgreSQL, so there is one code path for both modes.
 *
 * It runs in a worker thread: PGlite executes a query synchronously, and on the server's own thread every
 * query would stall sockets, timers and acks for its whole duration (measured: bench/intake, embedded).
 *
 * The socket server runs one query at a time and holds other connections' queries while a transaction
 * is open, so transactions on different pool connections serialize rather than interleave (tested in
 * core/db.test.ts).
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; maxConnections: number; log: Logger }): Promise<EmbeddedPostgres> {
  const dir = path.resolve(opts.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const workerData: WorkerInput = { dir, maxConnections: opts.maxConnections };
  const worker = new Worker(new URL("./embedded-postgres.worker.mjs", import.meta.url), { workerData });
  const next = () =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const cleanup = () => (worker.off("message", onMessage), worker.off("error", onError), worker.off("exit", onExit));
      const onMessage = (m: WorkerMessage) => (cleanup(), resolve(m));
      const onError = (err: Error) => (cleanup(), reject(err));
      const onExit = (code: number) => (cleanup(), reject(new Error(`embedded PostgreSQL thread exited (${code})`)));
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });

  const first = await next().catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  if (first.type !== "ready") {
    await worker.terminate();
    throw new Error(first.type === "failed" ? first.message : "embedded PostgreSQL did not start");
  }
  let stopping = false;
  worker.on("exit", (code) => stopping || opts.log.error({ code }, "embedded PostgreSQL thread exited"));
  const url = `postgres://postgres@${first.conn}/postgres`;
  opts.log.info({ dataDir: dir, ms: Date.now() - started }, "embedded PostgreSQL (PGlite + PostGIS) started");
  return {
    url,
    async stop() {
      if (stopping) return;
      stopping = true;
      const stopped = next();
      worker.postMessage("stop");
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
      await Promise.race([stopped.catch(() => undefined), timeout]);
      await worker.terminate();
    },
  };
}
