import type { Sequelize, Transaction } from "sequelize";
import { demoAgencies } from "./agencies.ts";
import { DAY, dayStart, witaParts } from "./calendar.ts";
import type { Cast } from "./cast.ts";
import type { Extra } from "./extras.ts";
import { ensureAgencies, insertExtras, setIncidentSequence, takeIncidentNumber } from "./extras.repo.ts";
import { createGeneration } from "./generate.ts";
import type { ExtrasOptions } from "./happenings.ts";
import { balanganPlaces } from "./places.ts";
import { yearDays } from "./plan.ts";
import type { AuditRow, GeneratedReport } from "./rows.ts";
import {
  analyzeReportTables,
  bulkSettings,
  createIndexes,
  dropSearchIndexes,
  insertAuditRows,
  insertGeneratedReports,
  mergeSearchIndexes,
  tableExists,
  takeReportNumbers,
} from "./seed.repo.ts";
import { compareText } from "./order.ts";

/**
 * Writes a generation into the database: batches of a few thousand reports, stored in two statements side
 * by side (one commit each), the next batch generated while the database stores the last. Incidents and
 * assignments follow the reports they name; audit entries are held back a month of report time and
 * written in time order, so the audit log reads as a timeline although decisions come days after the
 * reports they decide. A failed run leaves whole batches: the same seed and --end again with --append adds
 * the reports missing (not the incidents, assignments and audit entries of those stored before).
 */

export interface SeedOptions {
  seed: string;
  reports: number;
  /** The year ends here (ms); usually now. */
  end: number;
  cast: Cast;
  /** Reports per batch (default 5,000). */
  batchSize?: number;
  /** Statements storing one batch side by side, each on a connection of its own (default 2). */
  parallel?: number;
  /**
   * Drop the text search index for the load and build it once at the end (big runs: much faster, and a
   * compact index). Readers searching meanwhile find no index; a failed run still builds it again.
   */
  rebuildSearchIndex?: boolean;
  onProgress?: (p: SeedProgress) => void;
  /** What the last steps after the load are doing (they take a while on big runs). */
  onStep?: (step: string) => void;
}

export interface SeedProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface SeedSummary {
  /** Reports stored (fewer than generated when some existed already: same seed again with --append). */
  stored: number;
  generated: number;
  situation: number;
  periodic: number;
  incidents: number;
  assignments: number;
  ms: number;
}

/** `LI-<year of arrival, WITA>-<n>`, as intake numbers a report (six digits at least, never cut). */
function reportNumber(g: GeneratedReport, n: number): string {
  return `LI-${witaParts(Date.parse(g.report.receivedAt)).year}-${String(n).padStart(6, "0")}`;
}

/** How far behind the newest stored report audit entries wait: later than any decision, merge or answer. */
const AUDIT_HOLD_MS = 30 * DAY;

/** Incidents and follow-ups when their tables exist (migrations 0010 and 0011); otherwise reports alone. */
async function extrasOptions(db: Sequelize, end: number): Promise<ExtrasOptions | undefined> {
  for (const table of ["incidents", "incident_reports", "agencies", "followup_assignments"])
    if (!(await tableExists(db, table))) return undefined;
  const agencies = await ensureAgencies(db, demoAgencies(balanganPlaces().kecamatan.map((k) => k.nama)), new Date(dayStart(yearDays(end).firstDay)));
  return { agencies, firstIncidentNumber: await takeIncidentNumber(db) };
}

export async function seedReports(db: Sequelize, opts: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const extrasOpts = await extrasOptions(db, opts.end);
  const generation = createGeneration({ seed: opts.seed, reports: opts.reports, end: opts.end, cast: opts.cast, extras: extrasOpts });
  const size = opts.batchSize ?? 5_000;
  const parallel = opts.parallel ?? 2;
  const summary: SeedSummary = { stored: 0, generated: 0, situation: generation.situationCount, periodic: generation.periodicCount, incidents: 0, assignments: 0, ms: 0 };
  /** Reports of this generation that were stored before it ran (a repeated seed): what names them is dropped. */
  const skipped = new Set<string>();
  let held: AuditRow[] = [];

  function takeExtras(watermark: number): Extra[] {
    const ready: Extra[] = [];
    const waiting: Extra[] = [];
    for (const x of generation.extras) (x.after < watermark ? ready : waiting).push(x);
    generation.extras.splice(0, generation.extras.length, ...waiting);
    return ready.filter((x) => !x.reportIds.some((id) => skipped.has(id)));
  }

  async function flushAudit(before: number, transaction: Transaction) {
    held.sort((a, b) => compareText(a.at, b.at));
    const cut = held.findIndex((a) => Date.parse(a.at) >= before);
    const out = cut < 0 ? held : held.slice(0, cut);
    held = cut < 0 ? [] : held.slice(cut);
    await insertAuditRows(db, out, transaction);
  }

  /** Reports in `parallel` parts side by side (PostgreSQL: a core each), numbered in arrival order first. */
  async function storeReports(batch: GeneratedReport[]): Promise<Set<string>> {
    const numbers = await takeReportNumbers(db, batch.length);
    const numbered = batch.map((report, i) => ({ report, number: reportNumber(report, numbers[i]!) }));
    const part = Math.ceil(numbered.length / parallel);
    const parts = Array.from({ length: parallel }, (_, k) => numbered.slice(k * part, (k + 1) * part)).filter((p) => p.length);
    const stored = await Promise.all(
      parts.map((p) =>
        db.transaction(async (transaction) => {
          await bulkSettings(db, transaction);
          return insertGeneratedReports(db, p, transaction);
        }),
      ),
    );
    return new Set(stored.flatMap((s) => [...s]));
  }

  async function write(batch: GeneratedReport[], last: boolean) {
    const watermark = last ? Infinity : Date.parse(batch.at(-1)?.report.receivedAt ?? "1970-01-01T00:00:00Z");
    const stored = await storeReports(batch);
    for (const g of batch) {
      if (stored.has(g.report.id)) held.push(...g.audit);
      else skipped.add(g.report.id);
    }
    // What names these reports goes in after them: incidents, assignments, and the audit entries now due.
    await db.transaction(async (transaction) => {
      await bulkSettings(db, transaction);
      const extras = takeExtras(watermark);
      await insertExtras(db, extras, transaction);
      for (const x of extras) held.push(...x.audit);
      await flushAudit(last ? Infinity : watermark - AUDIT_HOLD_MS, transaction);
      summary.incidents += extras.filter((x) => x.incident).length;
      summary.assignments += extras.reduce((n, x) => n + x.assignments.length, 0);
    });
    summary.stored += stored.size;
    summary.generated += batch.length;
    if (batch.length) opts.onProgress?.({ done: summary.generated, total: opts.reports, elapsedMs: Date.now() - started });
  }

  const dropped = opts.rebuildSearchIndex ? await dropSearchIndexes(db) : [];
  try {
    // One batch in the database while the next is generated: JavaScript and PostgreSQL work at once.
    let writing: Promise<void> = Promise.resolve();
    let batch: GeneratedReport[] = [];
    for (const report of generation.reports()) {
      batch.push(report);
      if (batch.length < size) continue;
      await writing;
      writing = write(batch, false);
      batch = [];
    }
    await writing;
    await write(batch, true);
    if (extrasOpts) await setIncidentSequence(db, generation.lastIncidentNumber());
  } finally {
    if (dropped.length) opts.onStep?.("building the text search index");
    await createIndexes(db, dropped);
  }
  if (!dropped.length) await mergeSearchIndexes(db);
  opts.onStep?.("updating planner statistics");
  await analyzeReportTables(db);
  summary.ms = Date.now() - started;
  return summary;
}
