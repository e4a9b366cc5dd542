import type { StatsPeriod } from "@contract/rollups.ts";

/**
 * Period keys as the statistics API and the scorecard name them — day `2026-11-27`, ISO week `2026-W48`,
 * month `2026-11`, quarter `2026-Q4` — on WITA calendar days (`YYYY-MM-DD`). The arithmetic runs on UTC
 * dates, so nothing depends on the browser's own time zone. The same rules as the server's
 * `server/rollups/periods.ts`, which the dashboard cannot import.
 */

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");
const dayMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => dayOf(dayMs(day) + n * DAY_MS);
/** ISO weekday, Monday 1 … Sunday 7. */
const isoWeekday = (day: string) => ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;

/** The key of the period of `kind` holding `day`. */
export function periodOf(kind: StatsPeriod, day: string): string {
  if (kind === "day") return day;
  if (kind === "month") return day.slice(0, 7);
  if (kind === "quarter") return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  const thursday = addDays(day, 4 - isoWeekday(day)); // the ISO week belongs to the year of its Thursday
  const year = Number(thursday.slice(0, 4));
  return `${year}-W${pad(Math.floor((dayMs(thursday) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1)}`;
}

/** The first day of a period. */
export function periodStart(kind: StatsPeriod, key: string): string {
  if (kind === "day") return key;
  if (kind === "month") return `${key}-01`;
  if (kind === "quarter") return `${key.slice(0, 4)}-${pad((Number(key.slice(6, 7)) - 1) * 3 + 1)}-01`;
  const jan4 = `${key.slice(0, 4)}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4) + (Number(key.slice(6, 8)) - 1) * 7);
}

/** The last day of a period. */
export function periodLastDay(kind: StatsPeriod, key: string): string {
  const start = periodStart(kind, key);
  if (kind === "day") return start;
  if (kind === "week") return addDays(start, 6);
  const d = new Date(dayMs(start));
  return dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (kind === "month" ? 1 : 3), 1) - DAY_MS);
}

export const previousPeriod = (kind: StatsPeriod, key: string): string => periodOf(kind, addDays(periodStart(kind, key), -1));

const PATTERNS: [StatsPeriod, RegExp][] = [
  ["day", /^\d{4}-\d{2}-\d{2}$/],
  ["week", /^\d{4}-W\d{2}$/],
  ["month", /^\d{4}-\d{2}$/],
  ["quarter", /^\d{4}-Q[1-4]$/],
];

/** The kind of a key, or null when it names no real period (month 13, Feb 30, week 53 of a 52-week year). */
export function kindOfKey(key: string): StatsPeriod | null {
  const kind = PATTERNS.find(([, re]) => re.test(key))?.[0];
  if (!kind) return null;
  const start = dayMs(periodStart(kind, key));
  return Number.isFinite(start) && periodOf(kind, dayOf(start)) === key ? kind : null;
}

/** The current period of `kind` and the `count − 1` before it, newest first. */
export function recentPeriods(kind: StatsPeriod, today: string, count: number): string[] {
  const keys = [periodOf(kind, today)];
  while (keys.length < count) keys.push(previousPeriod(kind, keys[keys.length - 1]!));
  return keys;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, opts: Intl.DateTimeFormatOptions, day: string): string {
  const id = `${locale}|${JSON.stringify(opts)}`;
  let f = formats.get(id);
  if (!f) formats.set(id, (f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: "UTC" })));
  return f.format(dayMs(day));
}

const ROMAN = ["I", "II", "III", "IV"];

/**
 * A period as people read it. `short` for a chart's axis ("27 Nov", "M48", "Nov 2026", "T4 2026"); long for
 * tables and pickers ("27 Nov 2026", "M48 · 23–29 Nov 2026", "November 2026", "Triwulan IV 2026").
 */
export function periodLabel(key: string, locale: string, short = false): string {
  const kind = kindOfKey(key);
  if (!kind) return key;
  const en = locale.startsWith("en");
  const start = periodStart(kind, key);
  const year = key.slice(0, 4);
  switch (kind) {
    case "day":
      return format(locale, short ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" }, start);
    case "week": {
      const week = `${en ? "W" : "M"}${key.slice(6)}`;
      if (short) return week;
      const last = periodLastDay(kind, key);
      const sameMonth = start.slice(0, 7) === last.slice(0, 7);
      const first = format(locale, sameMonth ? { day: "numeric" } : { day: "numeric", month: "short" }, start);
      return `${week} · ${first}–${format(locale, { day: "numeric", month: "short", year: "numeric" }, last)}`;
    }
    case "month":
      return format(locale, { month: short ? "short" : "long", year: "numeric" }, start);
    case "quarter": {
      const q = Number(key.slice(6));
      if (short) return `${en ? "Q" : "T"}${q} ${year}`;
      return en ? `Q${q} ${year}` : `Triwulan ${ROMAN[q - 1]} ${year}`;
    }
  }
}
