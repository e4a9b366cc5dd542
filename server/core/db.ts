import { Sequelize } from "sequelize";
import pg from "pg";
import type { Logger } from "pino";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";
import { scheduleEmbeddedMaintenance } from "./embedded-maintenance.ts";

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

/** Sequelize instances on PGlite, whose connections all share one backend session. */
const sharesOneSession = new WeakSet<Sequelize>();

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
  if (embeddedMode) sharesOneSession.add(sequelize);
  try {
    await sequelize.authenticate();
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  // Ours to look after only when we started it (tests hand in a shared one).
  const stopMaintenance = embedded ? scheduleEmbeddedMaintenance(sequelize, opts.log) : undefined;
  return {
    sequelize,
    mode: embeddedMode ? "embedded" : "postgres",
    url,
    async close() {
      await stopMaintenance?.();
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

/**
 * One statement on a connection of Sequelize's own pool, through `pg` directly. For the hot intake path,
 * where Sequelize's per-query bookkeeping costs more than the statement itself; sharing the pool keeps the
 * one-connection rule of embedded mode. A `name` makes it a prepared statement, parsed once per connection
 * (on PostgreSQL; see below for PGlite).
 */
export async function rawQuery<R extends pg.QueryResultRow>(sequelize: Sequelize, query: pg.QueryConfig): Promise<R[]> {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(opts: { type: "write" }): Promise<pg.Client>;
    releaseConnection(connection: pg.Client): Promise<void>;
  };
  const client = await manager.getConnection({ type: "write" });
  try {
    // PGlite serves every connection from one backend session: a name prepared by an earlier connection
    // (a previous pool client, an app restarted in the same process) would still be there, and the
    // duplicate's error would disturb the other connections it multiplexes. Unnamed there.
    return (await client.query<R>(sharesOneSession.has(sequelize) ? { ...query, name: undefined } : query)).rows;
  } finally {
    await manager.releaseConnection(client);
  }
}
