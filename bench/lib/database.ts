import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { openDatabase } from "../../server/core/db.ts";
import { migrateUp } from "../../server/core/migrate.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/core/embedded-postgres.ts";

export interface BenchDatabase {
  /** Where both the app under test and the baseline connect. */
  url: string;
  mode: "embedded" | "postgres";
  close(): Promise<void>;
}

/**
 * A migrated database for one benchmark: BENCH_DATABASE_URL when given (a throwaway PostgreSQL + PostGIS),
 * else an embedded PGlite in a fresh temporary directory — the default deployment, so the default figures
 * describe what a small office gets. The embedded server runs in this process, as it does in main.ts.
 */
export async function startBenchDatabase(log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  let url = env.BENCH_DATABASE_URL || undefined;
  let embedded: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  const close = async () => {
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    if (!url) {
      tempDir = mkdtempSync(path.join(tmpdir(), "sikanda-bench-"));
      // Room for the app's pool, the baseline's pool and the migration connection at once.
      embedded = await startEmbeddedPostgres({ dataDir: tempDir, maxConnections: 64, log });
      url = embedded.url;
    }
    const db = await openDatabase({ url, urlIsEmbedded: Boolean(embedded), dataDir: "", poolMax: 2, log });
    try {
      await migrateUp(db.sequelize, log);
    } finally {
      await db.close();
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { url, mode: embedded ? "embedded" : "postgres", close };
}

/** The URL without its password, for results and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:***@");
}
