import cron from "node-cron";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";

/** 03:30 WITA: the quietest hour; VACUUM holds the embedded database's one session while it runs. */
const NIGHTLY = "30 3 * * *";

/**
 * What PostgreSQL's autovacuum does, for PGlite, which has none: without it the sessions table (written
 * on every request) and reports (a version bump per change) only grow, and the planner never gets
 * statistics. Goes through the pool like any query, so it waits for open transactions.
 */
export async function vacuumAnalyze(sequelize: Sequelize, log: Logger): Promise<void> {
  const started = Date.now();
  await sequelize.query("VACUUM (ANALYZE)");
  log.info({ ms: Date.now() - started }, "embedded database vacuumed and analyzed");
}

/** Nightly `vacuumAnalyze`; returns the stop. */
export function scheduleEmbeddedMaintenance(sequelize: Sequelize, log: Logger): () => Promise<void> {
  const task = cron.schedule(
    NIGHTLY,
    () => vacuumAnalyze(sequelize, log).catch((err: unknown) => log.error({ err }, "embedded database maintenance failed")),
    { timezone: "Asia/Makassar", noOverlap: true, name: "embedded-vacuum", unref: true },
  );
  return async () => {
    await task.destroy();
  };
}
