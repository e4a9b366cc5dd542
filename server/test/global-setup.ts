import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../core/logger.ts";
import { openDatabase } from "../core/db.ts";
import { migrateUp } from "../core/migrate.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../core/embedded-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: "embedded" | "postgres";
  }
}

/**
 * One database for the whole run: TEST_DATABASE_URL when given (CI: a fresh real PostgreSQL + PostGIS),
 * else an embedded PGlite in a temporary directory, so `npm test` needs no installed PostgreSQL.
 */
export default async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? "warn");
  let embedded: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    tempDir = mkdtempSync(path.join(tmpdir(), "sikanda-test-"));
    embedded = await startEmbeddedPostgres({ dataDir: tempDir, maxConnections: 64, log });
    url = embedded.url;
  }
  const db = await openDatabase({ url, dataDir: "", poolMax: 2, log });
  await migrateUp(db.sequelize, log);
  await db.close();
  project.provide("databaseUrl", url);
  project.provide("databaseMode", embedded ? "embedded" : "postgres");
  process.stdout.write(`[test] database: ${embedded ? "embedded PGlite + PostGIS" : "PostgreSQL " + redact(url)}\n`);

  return async () => {
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:***@");
}
