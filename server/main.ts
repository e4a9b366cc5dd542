import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { parseConfig, ConfigError } from "./config.ts";
import { createLogger, categoryLogger } from "./core/logger.ts";
import { openDatabase } from "./core/db.ts";
import { migrateUp } from "./core/migrate.ts";
import { createApp } from "./app.ts";
import { installGracefulShutdown } from "./core/shutdown.ts";
import { ensureInitialAdmin } from "./users/initial-admin.ts";
import { seedDemoAccounts } from "../seeds/demo.ts";
import { seedDemoFacilities } from "../seeds/facilities.ts";
import { startAlertWatch } from "./alerts/alerts.watch.ts";
import { addDays, daysFrom, witaDay } from "@contract/periods.ts";
import type { RollupsService } from "./rollups/rollups.service.ts";
import type { PublishingService } from "./publishing/publishing.service.ts";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";
import { seedDemoReports } from "../seeds/generate/demo-data.ts";
import { publishDemoReports } from "../seeds/generate/demo-publications.ts";
import { getUserByUsername } from "./auth/accounts.repo.ts";
import { seedDemoNews } from "../seeds/demo-news.ts";

async function main() {
  let config;
  try {
    config = parseConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  process.env.TZ = config.TZ;
  const log = createLogger(config.LOG_LEVEL);
  const appLog = categoryLogger(log, "app");

  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DB_POOL_MAX,
    log: categoryLogger(log, "db"),
  });
  const applied = await migrateUp(db.sequelize, categoryLogger(log, "db"));
  appLog.info({ applied, mode: db.mode }, "database ready");

  const built = createApp({ config, db, log });
  const { http, io } = built;
  // The kecamatan list is read once from the regions table, now: a database without it fails here, at start.
  const kecamatan = await built.services.regions.kecamatanList();
  if (!kecamatan.length) throw new Error("the regions table holds no kecamatan: were the migrations applied?");
  if (config.DEMO) await seedDemoAccounts(built.services.users, kecamatan, appLog);
  if (config.DEMO) await seedDemoFacilities(built.services.facilities, built.services.regions, appLog);
  // News rendered by an older Markdown renderer (a safety fix since) is rendered again before anyone reads it.
  const rerendered = await built.services.news.refreshRenderings();
  if (rerendered) appLog.info({ rerendered }, "news bodies rendered again by the current renderer");
  if (config.DEMO) await seedDemoNews(built.services.news, built.services.clock.now(), appLog);
  // A new user's first look is a working office: a year of reports, only into an empty reports table.
  const seeded = config.DEMO && (await seedDemoReports({ db: db.sequelize, users: built.services.users, kecamatan, now: built.services.clock.now(), log: appLog }));
  if (seeded) await publishDemo(db.sequelize, built.services.publishing, appLog);
  await ensureInitialAdmin(db.sequelize, built.services.users, config, categoryLogger(log, "auth"));
  // Boundaries are compressed once per level (brotli 11 takes a second or two): do it now, not on the
  // first visitor's request.
  for (const level of ["kecamatan", "desa"] as const) await built.services.regions.encodedCollection(level);
  http.listen(config.PORT, config.HOST);
  await once(http, "listening");
  const { port } = http.address() as AddressInfo;
  appLog.info({ port, url: `http://localhost:${port}/`, mobile: `http://localhost:${port}/m/`, demo: config.DEMO }, "SIKANDA listening");

  // Scheduled jobs catch up on what they missed while the server was down, in the background: a long
  // catch-up must not keep the server from answering.
  const jobs = built.services.jobs;
  if (config.JOBS) jobs.start().catch((err: unknown) => categoryLogger(log, "job").error({ err }, "jobs failed to start"));
  // Early-warning rules after every report change and every 5 minutes (with the jobs: a node that runs no
  // jobs leaves the rules to those that do).
  const alertWatch = config.JOBS
    ? startAlertWatch({ evaluate: () => built.services.alerts.evaluate(), lastSeq: built.services.changes.lastSeq, log: categoryLogger(log, "alerts") })
    : null;
  // The VAPID key pair is made on the first start (and kept in the database); the push queue is sent from
  // nodes that run jobs — several may, FOR UPDATE SKIP LOCKED keeps them from sending one push twice.
  await built.services.push.ensureKeys();
  const pushWorker = config.JOBS ? built.services.push.worker.start() : null;
  // The demo's year of reports is written straight into the tables, past the change log the incremental
  // rollup follows: roll the whole year up once, so the statistics page shows it from the first visit.
  if (seeded) void rollUpDemoYear(built.services.rollups, built.services.clock.now(), appLog);
  const afterHttp = async () => {
    await alertWatch?.stop();
    await pushWorker?.stop();
    await built.services.notifications.idle();
    await jobs.stop();
    await built.close();
  };
  installGracefulShutdown({ http, io, db, log: appLog, graceMs: config.SHUTDOWN_GRACE_MS, afterHttp });
}

main().catch((err) => {
  process.stderr.write(`SIKANDA failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

/** The public map of a fresh demo shows a few of its recent verified reports, published by the demo admin. */
async function publishDemo(db: Sequelize, publishing: PublishingService, log: Logger): Promise<void> {
  const admin = await getUserByUsername(db, "admin");
  if (!admin) return;
  await publishDemoReports({ db, publishing, admin: { id: admin.id, role: admin.role, kecamatanKode: null, verifierRegions: [] }, log });
}

/** The demo spans a year back from its first start (seeds/generate/plan.ts), and a day to spare. */
const DEMO_YEAR_DAYS = 367;

async function rollUpDemoYear(rollups: RollupsService, now: Date, log: Logger): Promise<void> {
  const today = witaDay(now);
  try {
    const rows = await rollups.rebuildDays(daysFrom(addDays(today, -DEMO_YEAR_DAYS), today));
    log.info({ rows }, "demo year rolled up");
  } catch (err) {
    log.error({ err }, "rolling up the demo year failed; the rollup jobs will fill in as they run");
  }
}
