import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { Logger } from "pino";

export interface EmbeddedPostgres {
  /** A postgres:// URL on loopback that `pg` and Sequelize use exactly like a real server. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Start PGlite (PostgreSQL compiled to WASM) with PostGIS, persisted under `dataDir`, and expose it over
 * the PostgreSQL wire protocol on a random loopback port. The rest of the server cannot tell it apart from
 * a real PostgreSQL, so there is one code path for both modes.
 *
 * The socket server runs one query at a time and holds other connections' queries while a transaction
 * is open, so transactions on different pool connections serialize rather than interleave (tested in
 * core/db.test.ts).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  maxConnections: number;
  log: Logger;
}): Promise<EmbeddedPostgres> {
  const dir = path.resolve(opts.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const db = await PGlite.create({ dataDir: dir, extensions: { postgis } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: opts.maxConnections });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  opts.log.info({ dataDir: dir, ms: Date.now() - started }, "embedded PostgreSQL (PGlite + PostGIS) started");
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
