import { parseConfig, ConfigError } from "../../server/config.ts";
import { categoryLogger, createLogger } from "../../server/core/logger.ts";
import { openDatabase } from "../../server/core/db.ts";
import { migrateUp } from "../../server/core/migrate.ts";
import { createApp } from "../../server/app.ts";
import { ensureDemoCast } from "./accounts.ts";
import { parseSeedArgs, USAGE, type SeedArgs } from "./cli-args.ts";
import { seedReports, type SeedProgress } from "./seed.ts";
import { countReports, deleteAllReports } from "./seed.repo.ts";

/**
 * `npm run seed -- --reports N`: the database the server would open (same configuration), migrated, then
 * filled with a generated year of the demo office. See docs/demo-data.md.
 */

/** From this many reports on, the search index is built once after the load instead of row by row. */
const REBUILD_FROM = 20_000;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString("en");

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** A progress line at most every two seconds, and the last one. */
function progressPrinter() {
  let printed = 0;
  return (p: SeedProgress) => {
    if (p.done < p.total && p.elapsedMs - printed < 2_000) return;
    printed = p.elapsedMs;
    const rate = p.done / Math.max(0.001, p.elapsedMs / 1000);
    const eta = (p.total - p.done) / Math.max(1, rate);
    out(`  ${fmt(p.done)} / ${fmt(p.total)} reports  ${fmt(rate)}/s  ${p.done < p.total ? `ETA ${duration(eta * 1000)}` : `in ${duration(p.elapsedMs)}`}`);
  };
}

async function run(args: SeedArgs) {
  const config = parseConfig(process.env);
  if (config.NODE_ENV === "production") throw new Error("refused: generated reports and demo accounts never go into a production database (NODE_ENV=production)");
  process.env.TZ = config.TZ;
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: 2, log: categoryLogger(log, "db") });
  const built = createApp({ config, db, log });
  try {
    await migrateUp(db.sequelize, categoryLogger(log, "db"));
    out(`database: ${db.mode === "embedded" ? `embedded (${config.DATA_DIR})` : "PostgreSQL"}`);
    const existing = await countReports(db.sequelize);
    if (existing && args.mode === "refuse") {
      out(`The database holds ${fmt(existing)} reports already; nothing was changed.`);
      out("Add --reset to replace them with generated ones, or --append to add generated ones on top.");
      process.exitCode = 1;
      return;
    }
    if (existing && args.mode === "reset") {
      await deleteAllReports(db.sequelize);
      out(`deleted ${fmt(existing)} reports and the change log`);
    }
    const kecamatan = await built.services.regions.kecamatanList();
    const cast = await ensureDemoCast(built.services.users, kecamatan, args.reports, categoryLogger(log, "app"));
    const end = args.end ?? new Date();
    out(`seeding ${fmt(args.reports)} reports (seed "${args.seed}", a year up to ${end.toISOString()}) for ${cast.officers.length} officers`);
    // Big loads build the search index once at the end (see seedReports): much faster, and compact.
    const rebuildSearchIndex = args.reports >= REBUILD_FROM;
    if (rebuildSearchIndex) out("the text search index is dropped for the load and built again at the end");
    const s = await seedReports(db.sequelize, {
      seed: args.seed,
      reports: args.reports,
      end: end.getTime(),
      cast,
      batchSize: args.batch,
      rebuildSearchIndex,
      onProgress: progressPrinter(),
      onStep: (step) => out(`  ${step}…`),
    });
    const skipped = s.generated - s.stored;
    out(
      `done in ${duration(s.ms)}: ${fmt(s.stored)} reports stored (${fmt(s.situation)} situation, ${fmt(s.periodic)} periodic)` +
        `${skipped ? `, ${fmt(skipped)} existed already` : ""}, ${fmt(s.incidents)} incidents, ${fmt(s.assignments)} follow-up assignments`,
    );
    out(`demo accounts: password Demo-Sikanda-2026 (see README)`);
  } finally {
    await built.close();
    await db.close();
  }
}

let args: SeedArgs;
try {
  args = parseSeedArgs(process.argv.slice(2), Date.now());
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (args.help) out(USAGE);
else
  run(args).catch((err: unknown) => {
    // A database error's own message is on its cause (Sequelize wraps the driver's error).
    const cause = (err as { parent?: { message?: string } }).parent?.message;
    process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}${cause ? `\n${cause}` : ""}\n`);
    process.exit(1);
  });
