import type { JobView } from "@contract/jobs.ts";
import { witaDate, witaIsoWeek, witaMonth } from "@kit/wita.ts";
import { readCron } from "./schedule-words.ts";

/**
 * What a job's period is, so the page offers the right input: a day, an ISO week, a month, a quarter,
 * or (`slot`) none at all — the every-few-minutes jobs cover everything since their last run, and the
 * server names the run after the slot it ran in.
 */
export type JobPeriodKind = "day" | "week" | "month" | "quarter" | "slot";

const DAY_MS = 86_400_000;

const KEY_SHAPES: [JobPeriodKind, RegExp][] = [
  ["slot", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/],
  ["day", /^\d{4}-\d{2}-\d{2}$/],
  ["week", /^\d{4}-W\d{2}$/],
  ["month", /^\d{4}-\d{2}$/],
  ["quarter", /^\d{4}-Q[1-4]$/],
];

/** The kind of a period key as the server writes it (`2026-11-27`, `2026-W48`, …), null if none. */
export function kindOfKey(key: string): JobPeriodKind | null {
  return KEY_SHAPES.find(([, shape]) => shape.test(key))?.[0] ?? null;
}

/**
 * A job's period kind: from the periods it has run for (the server's own keys), else read from its
 * schedule (daily → day, Mondays → week, the 1st → month, 1 Jan/Apr/Jul/Oct → quarter, every n
 * minutes → slot). A job of a shape neither tells is run for the latest period due (`slot`: no input).
 */
export function periodKindOfJob(job: Pick<JobView, "schedule" | "lastDonePeriod" | "lastRun">): JobPeriodKind {
  const seen = job.lastRun?.period ?? job.lastDonePeriod;
  const fromKey = seen ? kindOfKey(seen) : null;
  if (fromKey) return fromKey;
  const shape = readCron(job.schedule);
  switch (shape?.kind) {
    case "daily":
      return "day";
    case "weekly":
      return shape.weekdays.length === 7 ? "day" : "week";
    case "monthly":
      return "month";
    case "yearly":
      return shape.months.join() === "1,4,7,10" ? "quarter" : "month";
    default:
      return "slot";
  }
}

function quarterOf(month: string): { year: number; q: number } {
  return { year: Number(month.slice(0, 4)), q: Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1 };
}

export const quarterKey = (year: number, q: number) => `${year}-Q${q}`;

/** `2026-Q4` into its year and quarter number; null for anything else. */
export function readQuarter(key: string): { year: number; q: number } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}

/** The period in progress at `nowMs` (WITA): the latest an input offers. */
export function currentPeriod(kind: Exclude<JobPeriodKind, "slot">, nowMs: number): string {
  switch (kind) {
    case "day":
      return witaDate(nowMs);
    case "week":
      return witaIsoWeek(nowMs);
    case "month":
      return witaMonth(nowMs);
    case "quarter": {
      const { year, q } = quarterOf(witaMonth(nowMs));
      return quarterKey(year, q);
    }
  }
}

/** The period just ended at `nowMs` (WITA): what the input starts at, as the schedule would run it. */
export function latestEndedPeriod(kind: Exclude<JobPeriodKind, "slot">, nowMs: number): string {
  switch (kind) {
    case "day":
      return witaDate(nowMs - DAY_MS);
    case "week":
      return witaIsoWeek(nowMs - 7 * DAY_MS);
    case "month": {
      // The last day of the previous month: the first of this month, one day back.
      const firstOfMonth = Date.parse(`${witaMonth(nowMs)}-01T00:00:00Z`);
      return new Date(firstOfMonth - DAY_MS).toISOString().slice(0, 7);
    }
    case "quarter": {
      const { year, q } = quarterOf(witaMonth(nowMs));
      return q === 1 ? quarterKey(year - 1, 4) : quarterKey(year, q - 1);
    }
  }
}

function validDay(key: string): boolean {
  const ms = Date.parse(`${key}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === key;
}

/** Whether `value` is a key of this kind that can exist (the server checks again). */
export function isPeriodOf(kind: Exclude<JobPeriodKind, "slot">, value: string): boolean {
  if (kindOfKey(value) !== kind) return false;
  if (kind === "day") return validDay(value);
  if (kind === "week") return Number(value.slice(6)) >= 1 && Number(value.slice(6)) <= 53;
  if (kind === "month") return Number(value.slice(5)) >= 1 && Number(value.slice(5)) <= 12;
  return true;
}

/** An example key of each kind, for the hint beside an invalid input. */
export const EXAMPLE_PERIOD: Record<Exclude<JobPeriodKind, "slot">, string> = { day: "2026-11-27", week: "2026-W48", month: "2026-11", quarter: "2026-Q4" };

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** How many days a run of this period rebuilds (the rollups work day by day). */
export function daysInPeriod(kind: Exclude<JobPeriodKind, "slot">, key: string): number {
  switch (kind) {
    case "day":
      return 1;
    case "week":
      return 7;
    case "month":
      return daysInMonth(Number(key.slice(0, 4)), Number(key.slice(5, 7)));
    case "quarter": {
      const { year, q } = readQuarter(key) ?? { year: 2000, q: 1 };
      return [1, 2, 3].reduce((sum, i) => sum + daysInMonth(year, (q - 1) * 3 + i), 0);
    }
  }
}

/** Runs long enough (a week or more of days) that the admin confirms before starting one. */
export const isLongRun = (kind: JobPeriodKind) => kind === "week" || kind === "month" || kind === "quarter";
