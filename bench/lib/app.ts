import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { parseConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/core/db.ts";
import { listenOnLoopback, type LoopbackApp } from "../../server/test/loopback-app.ts";

export type BenchApp = LoopbackApp;

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
  /** The built front ends to serve; default dist/. */
  distDir?: string;
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
  return listenOnLoopback({ config, db, log: opts.log, distDir: opts.distDir });
}
