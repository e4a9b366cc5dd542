import type { Sequelize, Transaction } from "sequelize";
import { periodEnd, periodOf, periodStart, daysFrom, addDays, type PeriodKind } from "@contract/periods.ts";
import { getCellsChangedSince, getLastChangeSeq, getRollupWatermark, lockRollups, setRollupWatermark } from "./rollups.repo.ts";
import { rebuildDayCells, rebuildFromChildren, type ParentKind, type ParentPeriod } from "./rollup-rebuild.repo.ts";

export type Progress = (done: number, total: number) => Promise<void>;

/** A day's rows of one kecamatan; kecamatan null: the whole day. */
interface Cell {
  day: string;
  kecamatan: string | null;
}

/** Days per transaction when rebuilding from the reports: long enough to be quick, short enough not to hold the lock. */
const DAYS_PER_STEP = 7;
const PARENT_KINDS = ["week", "month", "quarter"] as const;

const noProgress: Progress = async () => {};

/**
 * Rollups: counts per period (WITA day, ISO week, month, quarter) × kecamatan × bidang × kerawanan ×
 * status × kind, and time-to-verify histograms. Every rebuild starts from the reports for the days
 * concerned. A full rebuild then recomputes each week, month and quarter holding one of those days from
 * the level below, so a rerun comes to the same rows (idempotent) and any set of days can be rebuilt
 * alone; the incremental rollup adds the day rows' changes to those periods instead (rollup-rebuild.repo.ts).
 */
export function createRollupsService(db: Sequelize) {
  /**
   * Rebuild these cells — a day's rows of one kecamatan, or (kecamatan null) the whole day — and, for
   * the same kecamatan, every coarser period that holds one of their days; returns rows written.
   * `addChanges`: bring the coarser periods along by adding the day rows' changes, in the same
   * transaction as each step of days, rather than recomputing them from their days afterwards.
   */
  async function rebuildCells(cells: Cell[], progress: Progress = noProgress, addChanges = false): Promise<number> {
    const whole = new Set(cells.filter((c) => c.kecamatan === null).map((c) => c.day));
    const kecamatanOf = new Map<string, Set<string>>();
    for (const c of cells) if (c.kecamatan !== null && !whole.has(c.day)) (kecamatanOf.get(c.day) ?? kecamatanOf.set(c.day, new Set()).get(c.day)!).add(c.kecamatan);
    const days = [...new Set(cells.map((c) => c.day))].sort();
    if (!days.length) return 0;
    const steps: string[][] = [];
    for (let i = 0; i < days.length; i += DAYS_PER_STEP) steps.push(days.slice(i, i + DAYS_PER_STEP));
    // A coarser period is rebuilt for the kecamatan its days were, or whole if one of its days was.
    const parents: [ParentKind, ParentPeriod[]][] = PARENT_KINDS.map((kind) => {
      const byKey = new Map<string, Set<string> | null>();
      for (const day of days) {
        const key = periodOf(kind, day);
        const sofar = byKey.has(key) ? byKey.get(key)! : new Set<string>();
        byKey.set(key, sofar === null || whole.has(day) ? null : new Set([...sofar, ...kecamatanOf.get(day)!]));
      }
      return [kind, [...byKey].map(([key, k]) => ({ start: periodStart(kind, key), end: periodEnd(kind, key), kecamatan: k ? [...k].sort() : null }))];
    });
    const total = steps.length + (addChanges ? 0 : parents.length);
    let done = 0;
    let rows = 0;
    const locked = (fn: (transaction: Transaction) => Promise<number>) =>
      db.transaction(async (transaction) => {
        await lockRollups(db, transaction);
        return fn(transaction);
      });
    for (const step of steps) {
      const dayCells = {
        days: step,
        whole: step.filter((d) => whole.has(d)),
        cells: step.flatMap((d) => [...(kecamatanOf.get(d) ?? [])].map((k) => `${d}|${k}`)),
      };
      const parentStarts = addChanges ? [...new Set(step.flatMap((d) => PARENT_KINDS.map((kind) => periodStart(kind, periodOf(kind, d)))))] : null;
      rows += await locked((transaction) => rebuildDayCells(db, dayCells, transaction, parentStarts));
      await progress(++done, total);
    }
    if (addChanges) return rows;
    // Weeks and months from the days, then quarters from the months: one statement per table and kind.
    for (const [kind, periods] of parents) {
      rows += await locked((transaction) => rebuildFromChildren(db, kind, periods, transaction));
      await progress(++done, total);
    }
    return rows;
  }

  /** Rebuild these days whole, and every coarser period that holds one. */
  const rebuildDays = (days: string[], progress?: Progress) => rebuildCells(days.map((day) => ({ day, kecamatan: null })), progress);

  return {
    rebuildDays,

    /** Rebuild a whole period from the reports (the scheduled rollups, a rerun by hand). */
    rebuildPeriod(kind: PeriodKind, key: string, progress?: Progress): Promise<number> {
      return rebuildDays(daysFrom(periodStart(kind, key), addDays(periodEnd(kind, key), -1)), progress);
    },

    /**
     * The incremental rollup: rebuild only the cells (day × kecamatan) whose reports changed since the
     * watermark (a late report from an offline phone lands in its own, older period), then move it.
     */
    async rollUpChanges(progress?: Progress): Promise<{ reports: number; days: number; rows: number }> {
      const after = await getRollupWatermark(db);
      const upTo = await getLastChangeSeq(db);
      if (upTo <= after) return { reports: 0, days: 0, rows: 0 };
      const { cells, reports } = await getCellsChangedSince(db, after, upTo);
      const rows = await rebuildCells(cells, progress, true);
      const days = new Set(cells.map((c) => c.day));
      await db.transaction(async (transaction) => {
        await lockRollups(db, transaction);
        await setRollupWatermark(db, upTo, transaction);
      });
      return { reports, days: days.size, rows };
    },
  };
}

export type RollupsService = ReturnType<typeof createRollupsService>;
