import { createHash } from "node:crypto";
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
    // Two connections stay open through quiet hours (intake's two commit groups): a report arriving after
    // a lull then finds a warm connection with its prepared statement, not a new backend with cold
    // caches (measured ~150-200 ms for the first reports after 11 s idle, bench/intake on PostgreSQL).
    pool: { max: poolMax, min: Math.min(2, poolMax), idle: 10_000, acquire: 60_000 },
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
    if (query.name && sharesOneSession.has(sequelize)) return await executePrepared<R>(sequelize, client, query);
    return (await client.query<R>(query)).rows;
  } finally {
    await manager.releaseConnection(client);
  }
}

/** PostgreSQL's SQLSTATE for a transaction it aborted to break a deadlock. */
const DEADLOCK_DETECTED = "40P01";

/**
 * Run `statement` again when PostgreSQL aborts it as a deadlock victim (the other side has gone on by
 * then). Only for statements that are safe to repeat: idempotent, and committed on their own.
 */
export async function retryOnDeadlock<T>(statement: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (err) {
      if (attempt >= attempts || (err as { code?: unknown })?.code !== DEADLOCK_DETECTED) throw err;
    }
  }
}

/** Executions of each statement prepared in the PGlite session, per Sequelize instance. */
const preparedIn = new WeakMap<Sequelize, Map<string, number>>();
/** Re-plan after this many executions: PGlite never analyzes, so a plan made on small tables stays. */
const REPLAN_EVERY = 100;

/**
 * A named statement on PGlite, as SQL `PREPARE` and `EXECUTE` over the simple protocol. Measured on
 * intake's statement: ~1.8 ms against ~4.8 ms through the extended protocol unnamed (parsed and planned
 * every time). PGlite is one backend session shared by every connection and by every app in the process
 * (tests), so the name carries a hash of the text: whoever prepared it, it is this statement. Parameters
 * go as SQL literals; only strings and null.
 */
async function executePrepared<R extends pg.QueryResultRow>(sequelize: Sequelize, client: pg.Client, query: pg.QueryConfig): Promise<R[]> {
  const name = sessionName(query.name!, query.text);
  let runs = preparedIn.get(sequelize);
  if (!runs) preparedIn.set(sequelize, (runs = new Map()));
  const count = runs.get(name) ?? 0;
  if (count % REPLAN_EVERY === 0) {
    // Asked rather than tried: an error on the shared session is best avoided (see openDatabase).
    const { rows } = await client.query(`SELECT 1 FROM pg_prepared_statements WHERE name = '${name}'`);
    if (rows.length) await client.query(`DEALLOCATE ${name}`);
    await client.query(`PREPARE ${name} AS ${query.text}`);
  }
  runs.set(name, count + 1);
  const args = (query.values ?? []).map(sqlLiteral);
  return (await client.query<R>(`EXECUTE ${name}${args.length ? `(${args.join(", ")})` : ""}`)).rows;
}

/** Identifier per statement text (callers keep the text in a constant, so the lookup is cheap). */
const sessionNames = new Map<string, string>();
/** `name` plus a hash of the text, as an SQL identifier; computed once per statement, not per run. */
function sessionName(name: string, text: string): string {
  let id = sessionNames.get(text);
  if (!id) sessionNames.set(text, (id = `${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`));
  return id;
}

/** A string as a standard SQL literal (standard_conforming_strings is on: only quotes are doubled). */
function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value !== "string") throw new TypeError("executePrepared takes string or null parameters only");
  return `'${value.replace(/'/g, "''")}'`;
}
