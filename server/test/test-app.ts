import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { parseConfig, type Config } from "../config.ts";
import { createLogger } from "../core/logger.ts";
import { openDatabase, type Database } from "../core/db.ts";
import { createApp, type App } from "../app.ts";

export interface TestApp extends App {
  config: Config;
  db: Database;
  baseUrl: string;
  close(): Promise<void>;
}

/** Open the run's test database (see global-setup.ts). */
export function openTestDatabase(poolMax = 10): Promise<Database> {
  return openDatabase({
    url: inject("databaseUrl"),
    urlIsEmbedded: inject("databaseMode") === "embedded",
    dataDir: "",
    poolMax,
    log: createLogger("silent"),
  });
}

/** A whole server on a random port against the test database, like main.ts builds it. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // Photos and other files go to a directory of this app's own, removed on close.
  const dataDir = mkdtempSync(path.join(tmpdir(), "sikanda-app-"));
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent", DATA_DIR: dataDir, ...env });
  const db = await openTestDatabase();
  const log = createLogger(config.LOG_LEVEL);
  const app = createApp({ config, db, log });
  // Burst tests open a thousand connections at once; the default backlog (511) would reset some.
  app.http.listen({ port: 0, host: "127.0.0.1", backlog: 4096 });
  await once(app.http, "listening");
  const { port } = app.http.address() as AddressInfo;
  return {
    ...app,
    config,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => app.io.close(() => resolve()));
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
