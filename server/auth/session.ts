import session from "express-session";
import connectPgSimple from "connect-pg-simple";
import type pg from "pg";
import type { Sequelize } from "sequelize";
import type { RequestHandler } from "express";
import type { Config } from "../config.ts";
import { sessionSecret } from "./session-secret.ts";

declare module "express-session" {
  interface SessionData {
    userId: string;
    /** Epoch ms of login: the absolute timeout counts from here, whatever the activity. */
    loginAt: number;
  }
}

export const SESSION_COOKIE = "sikanda.sid";

export interface SessionStack {
  middleware: RequestHandler;
  close(): Promise<void>;
}

/**
 * Server-side sessions in PostgreSQL (the `sessions` table from migration 0003): every node of a cluster
 * sees the same sessions, and deleting rows ends sessions at once.
 */
export function createSessionMiddleware(config: Config, db: Sequelize): SessionStack {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: sequelizeAsPgPool(db),
    tableName: "sessions",
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
  });
  const middleware = session({
    name: SESSION_COOKIE,
    secret: sessionSecret(config),
    store,
    resave: false,
    saveUninitialized: false,
    // Each request pushes the idle deadline forward; the absolute limit is enforced in loadSessionUser.
    rolling: true,
    proxy: undefined,
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: config.COOKIE_SECURE === "auto" ? "auto" : config.COOKIE_SECURE === "true",
      maxAge: config.SESSION_IDLE_MINUTES * 60_000,
    },
  });
  return {
    middleware,
    async close() {
      store.close();
    },
  };
}

/**
 * The store's queries go through the application's own pool rather than a second one: on the embedded
 * database that pool is the single connection (see core/db.ts), and on PostgreSQL it saves connections.
 */
function sequelizeAsPgPool(db: Sequelize): pg.Pool {
  const adapter = {
    async query(text: string, params: unknown[] = []) {
      const [rows] = await db.query(text, { bind: params });
      return { rows: rows as unknown[], rowCount: (rows as unknown[]).length };
    },
    on() {
      return adapter;
    },
    async end() {},
  };
  return adapter as unknown as pg.Pool;
}
