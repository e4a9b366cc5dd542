import session from "express-session";
import connectPgSimple from "connect-pg-simple";
import pg from "pg";
import type { RequestHandler } from "express";
import type { Config } from "../config.ts";

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
export function createSessionMiddleware(config: Config, databaseUrl: string): SessionStack {
  const PgStore = connectPgSimple(session);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const store = new PgStore({ pool, tableName: "sessions", createTableIfMissing: false, pruneSessionInterval: 15 * 60 });
  const middleware = session({
    name: SESSION_COOKIE,
    secret: config.SESSION_SECRET,
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
      await pool.end();
    },
  };
}
