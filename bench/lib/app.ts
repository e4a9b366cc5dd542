import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { parseConfig, type Config } from "../../server/config.ts";
import { openDatabase, type Database } from "../../server/core/db.ts";
import { createApp, type App } from "../../server/app.ts";

export interface BenchApp extends App {
  config: Config;
  db: Database;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The whole server on a random loopback port, built as main.ts builds it, in production mode (so nothing
 * dev-only is measured) with its own pool of `poolMax` connections to an already migrated database (one
 * connection when `urlIsEmbedded`, as deployed).
 */
export async function startBenchApp(opts: {
  databaseUrl: string;
  log: Logger;
  poolMax?: number;
  env?: Record<string, string>;
  /**
   * The URL is an embedded PGlite started by startBenchDatabase: open it as main.ts opens its own embedded
   * database (one shared connection, see core/db.ts), not as a PostgreSQL server with a pool.
   */
  urlIsEmbedded?: boolean;
}): Promise<BenchApp> {
  const config = parseConfig({
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: opts.log.level,
    DATABASE_URL: opts.databaseUrl,
    DB_POOL_MAX: String(opts.poolMax ?? 10),
    HOST: "127.0.0.1",
    ...opts.env,
  });
  const db = await openDatabase({
    url: opts.databaseUrl,
    urlIsEmbedded: opts.urlIsEmbedded,
    dataDir: "",
    poolMax: config.DB_POOL_MAX,
    log: opts.log,
  });
  const app = createApp({ config, db, log: opts.log });
  // Socket benches open a thousand connections in bursts; the default backlog (511) would reset some.
  app.http.listen({ port: 0, host: "127.0.0.1", backlog: 4096 });
  await once(app.http, "listening");
  const { port } = app.http.address() as AddressInfo;
  return {
    ...app,
    config,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      // Socket.IO closes the HTTP server too; idle keep-alive connections are dropped by Node ≥ 19.
      await new Promise<void>((resolve) => app.io.close(() => resolve()));
      await app.close();
      await db.close();
    },
  };
}
