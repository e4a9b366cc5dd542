/**
 * How often the spike rule alarms on a database's reports, and how many alarms have no event behind them:
 *
 *   npm run alerts:measure -- [--days 180] [--alpha 0.0001]
 *
 * Runs the rule as of noon WITA on each of the last `--days` days that hold situation reports, read only
 * (each run in a transaction rolled back), with the rule's stored parameters. An alarm counts as explained
 * when an incident of three or more reports (the demo's hotspots become such incidents) has a report of
 * that kecamatan and bidang in the alarm's window; the rest are false alarms. Prints the rate per
 * kecamatan × bidang × day tested. Uses the server's configuration (DATABASE_URL, or the embedded database
 * under DATA_DIR with the server stopped).
 */
import { parseArgs } from "node:util";
import { AlertRuleSettings, DEFAULT_RULE_SETTINGS } from "@contract/alerts.ts";
import { Bidang } from "@contract/reports.ts";
import { parseConfig } from "../config.ts";
import { openDatabase } from "../core/db.ts";
import { categoryLogger, createLogger } from "../core/logger.ts";
import { migrateUp } from "../core/migrate.ts";
import { getRuleSettings } from "./alerts.repo.ts";
import { eventBehind, kecamatanCount, situationSpan } from "./measure.repo.ts";
import { HOUR_MS } from "./rules/rule.ts";
import { SPIKE_WINDOWS, spikeRule } from "./rules/spike.ts";

const out = (line: string) => process.stdout.write(`${line}\n`);
const DAY_MS = 24 * HOUR_MS;
/** Noon WITA (UTC+8) of the day holding `ms`. */
const noonWita = (ms: number) => Math.floor((ms + 8 * HOUR_MS) / DAY_MS) * DAY_MS + 4 * HOUR_MS;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { days: { type: "string", default: "180" }, alpha: { type: "string" } } });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1) {
    process.stderr.write("usage: npm run alerts:measure -- [--days N]\n");
    return 2;
  }
  const config = parseConfig(process.env);
  const log = createLogger("warn");
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: 1, log: categoryLogger(log, "db") });
  try {
    await migrateUp(db.sequelize, categoryLogger(log, "db"));
    const stored = (await getRuleSettings(db.sequelize)).find((r) => r.rule === "spike");
    // `--alpha` tries another threshold without storing it.
    const alpha = values.alpha === undefined ? {} : { alpha: Number(values.alpha) };
    const params = AlertRuleSettings.shape.spike.shape.params.parse({ ...DEFAULT_RULE_SETTINGS.spike.params, ...stored?.params, ...alpha });
    const span = await situationSpan(db.sequelize);
    if (!span.last || !span.first) {
      out("no situation reports: nothing to measure");
      return 0;
    }
    // The first days have no baseline yet: start once a full baseline and week lie behind.
    const start = Math.max(noonWita(new Date(span.last).getTime()) - (days - 1) * DAY_MS, noonWita(new Date(span.first).getTime()) + (params.baselineDays + 8) * DAY_MS);
    const kecamatan = await kecamatanCount(db.sequelize);
    let tested = 0;
    let alarms = 0;
    let explained = 0;
    for (let at = start; at <= noonWita(new Date(span.last).getTime()); at += DAY_MS) {
      tested += kecamatan * Bidang.options.length;
      const now = new Date(at);
      // Unmanaged and always rolled back: the rule only reads, and a measurement must write nothing.
      const transaction = await db.sequelize.transaction();
      const findings = await spikeRule.evaluate({ db: db.sequelize, transaction, now, params, kecamatanNama: new Map() }).finally(() => transaction.rollback());
      for (const f of findings) {
        alarms++;
        const hours = SPIKE_WINDOWS.find((w) => w.name === f.metrics.window)?.hours ?? 24;
        const window = { kecamatan: f.kecamatanKode!, bidang: f.bidang!, from: new Date(at - hours * HOUR_MS).toISOString(), to: now.toISOString(), minReports: 3 };
        if (await eventBehind(db.sequelize, window)) explained++;
      }
    }
    const daysTested = tested / (kecamatan * Bidang.options.length);
    out(`spike rule, alpha ${params.alpha}, baseline ${params.baselineDays} days, at least ${params.minCount} reports`);
    out(`days tested: ${daysTested} (noon WITA), kecamatan x bidang x day cells: ${tested}`);
    out(`alarms: ${alarms} (${((alarms / tested) * 100).toFixed(3)}% of cells); with an event behind: ${explained}`);
    out(`false alarms: ${alarms - explained} = ${(((alarms - explained) / tested) * 100).toFixed(3)}% of cells, ${((alarms - explained) / daysTested).toFixed(2)} per day across Balangan`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code));
