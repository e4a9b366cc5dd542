import { addDays, kindOfKey, periodEnd, periodOf, periodStart, previousPeriod } from "@contract/periods.ts";
import type { StatsPeriod } from "@contract/rollups.ts";

/**
 * Period keys as the statistics API and the scorecard name them — day `2026-11-27`, ISO week `2026-W48`,
 * month `2026-11`, quarter `2026-Q4` — with the contract's own arithmetic (`@contract/periods.ts`, which the
 * rollups use too), plus what only the pages need: recent periods and labels.
 */
export { kindOfKey, periodOf, periodStart };

const dayMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** The last day of a period. */
export const periodLastDay = (kind: StatsPeriod, key: string): string => addDays(periodEnd(kind, key), -1);

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
