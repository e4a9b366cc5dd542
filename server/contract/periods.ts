/**
 * Calendar periods in WITA (Asia/Makassar, UTC+8 all year: Indonesia keeps no daylight saving), as the
 * rollups, the duties and the jobs name them. Days are `YYYY-MM-DD` strings of the WITA calendar; the
 * arithmetic runs on UTC dates so nothing depends on the process's own time zone.
 *
 * Period keys: day `2026-11-27`, ISO week `2026-W48`, month `2026-11`, quarter `2026-Q4`. They sort as
 * strings in time order within a kind.
 */

export type PeriodKind = "day" | "week" | "month" | "quarter";
export const PERIOD_KINDS: readonly PeriodKind[] = ["day", "week", "month", "quarter"];

/** WITA is UTC+8, without daylight saving. */
export const WITA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The UTC midnight that stands for a `YYYY-MM-DD` day in the arithmetic below. */
function dayMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function dayOfMs(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The WITA calendar day of an instant. */
export function witaDay(at: Date): string {
  return dayOfMs(at.getTime() + WITA_OFFSET_MS);
}

/** The instant a WITA day reaches `time` (`HH:MM`, default midnight). */
export function witaInstant(day: string, time = "00:00"): Date {
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return new Date(dayMs(day) + minutes * 60_000 - WITA_OFFSET_MS);
}

export function addDays(day: string, n: number): string {
  return dayOfMs(dayMs(day) + n * DAY_MS);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}

function isoWeekKey(day: string): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The key of the period of `kind` that contains `day`. */
export function periodOf(kind: PeriodKind, day: string): string {
  switch (kind) {
    case "day":
      return day;
    case "week":
      return isoWeekKey(day);
    case "month":
      return day.slice(0, 7);
    case "quarter":
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  }
}

/** The first day of a period. */
export function periodStart(kind: PeriodKind, key: string): string {
  switch (kind) {
    case "day":
      return key;
    case "week": {
      const year = Number(key.slice(0, 4));
      const jan4 = `${year}-01-04`;
      return addDays(jan4, 1 - isoWeekday(jan4) + (Number(key.slice(6, 8)) - 1) * 7);
    }
    case "month":
      return `${key}-01`;
    case "quarter":
      return `${key.slice(0, 4)}-${pad((Number(key.slice(6, 7)) - 1) * 3 + 1)}-01`;
  }
}

/** The first day after a period. */
export function periodEnd(kind: PeriodKind, key: string): string {
  const start = periodStart(kind, key);
  if (kind === "day") return addDays(start, 1);
  if (kind === "week") return addDays(start, 7);
  const months = kind === "month" ? 1 : 3;
  const d = new Date(dayMs(start));
  return dayOfMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

export function nextPeriod(kind: PeriodKind, key: string): string {
  return periodOf(kind, periodEnd(kind, key));
}

export function previousPeriod(kind: PeriodKind, key: string): string {
  return periodOf(kind, addDays(periodStart(kind, key), -1));
}

/** Every period of `kind` that overlaps the days from `from` to `to`, both included, oldest first. */
export function periodsCovering(kind: PeriodKind, from: string, to: string): string[] {
  const keys: string[] = [];
  for (let key = periodOf(kind, from); periodStart(kind, key) <= to; key = nextPeriod(kind, key)) keys.push(key);
  return keys;
}

/** Each day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const KEY_PATTERNS: [PeriodKind, RegExp][] = [
  ["day", /^\d{4}-\d{2}-\d{2}$/],
  ["week", /^\d{4}-W\d{2}$/],
  ["month", /^\d{4}-\d{2}$/],
  ["quarter", /^\d{4}-Q[1-4]$/],
];

/**
 * The kind of a period key, or null when it is not a real one (month 13, Feb 30, week 53 of a year with
 * 52): a key is real when it names the period that starts on its own first day.
 */
export function kindOfKey(key: string): PeriodKind | null {
  const kind = KEY_PATTERNS.find(([, re]) => re.test(key))?.[0];
  if (!kind) return null;
  const ms = dayMs(periodStart(kind, key));
  return Number.isFinite(ms) && periodOf(kind, dayOfMs(ms)) === key ? kind : null;
}
