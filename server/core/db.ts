import { Sequelize } from "sequelize";
import pg from "pg";
import type { Logger } from "pino";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";

// Return BIGINT (e.g. changes.seq, counts) as JS numbers: they stay far below 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export interface Database {
  sequelize: Sequelize;
  /** "embedded" when PGlite serves the data, "postgres" for a real server. */
  mode: "embedded" | "postgres";
  /** Connection URL (for tools like the session store that want their own client). */
  url: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  dataDir: string;
  poolMax: number;
  log: Logger;
  /** The URL points at an embedded PGlite started elsewhere (tests): use it as embedded mode does. */
  urlIsEmbedded?: boolean;
}

/** Open the database: the given PostgreSQL URL, or an embedded PGlite when none is given. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = opts.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, maxConnections: opts.poolMax + 8, log: opts.log });
    url = embedded.url;
  }
  // PGlite is one backend session behind a socket multiplexer that interleaves messages of different
  // connections: a simple query from one connection destroys another's unnamed prepared statement, and
  // after an error the backend drops other connections' messages until a Sync, leaving them hanging
  // (seen under load). One connection, shared by everything including the session store, avoids both;
  // PGlite executes one statement at a time anyway, so nothing is lost.
  const embeddedMode = Boolean(embedded) || Boolean(opts.urlIsEmbedded);
  const sequelize = createSequelize(url, embeddedMode ? 1 : opts.poolMax, opts.log);
  try {
    await sequelize.authenticate();
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    sequelize,
    mode: embeddedMode ? "embedded" : "postgres",
    url,
    async close() {
      await sequelize.close();
      await embedded?.stop();
    },
  };
}

export function createSequelize(url: string, poolMax: number, log: Logger): Sequelize {
  return new Sequelize(url, {
    dialect: "postgres",
    dialectModule: pg,
    logging: log.isLevelEnabled("trace") ? (sql: string) => log.trace({ sql }, "sql") : false,
    pool: { max: poolMax, min: 0, idle: 10_000, acquire: 60_000 },
    define: { underscored: true },
  });
}
