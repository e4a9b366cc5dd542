import { z } from "zod";
import { issueCode } from "./errors.ts";

/**
 * The one rule for instants and report periods, used by every input schema (server and phones alike).
 *
 * Why: a regex that looks like ISO 8601 lets through what PostgreSQL refuses (year 0000, Feb 30, an offset
 * of +23:59), and such a value failed every report sharing its statement. Instants are therefore parsed
 * field by field and kept to a plausible range; the string itself is kept as sent.
 */

/** Earliest and latest instant any input may name. */
export const INSTANT_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) } as const;
/** Report periods from this year up to next year. */
export const FIRST_PERIOD_YEAR = 2020;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Milliseconds since the epoch of an ISO 8601 date-time with a time zone (`Z` or an offset within ±14:00),
 * or null if it is not one or names no real moment (month 13, Feb 30, 24:00, an offset of +15:00).
 */
export function parseInstant(s: string): number | null {
  const m = INSTANT.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = m[7] ? (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  if (Number(m[9] ?? 0) > 59 || Math.abs(offsetMinutes) > 14 * 60) return null;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : null;
}

export interface InstantOptions {
  /** Refuse instants later than now plus this many milliseconds (a phone's clock may run a little fast). */
  notAfterNowBy?: number;
}

/** An instant as a string (kept as sent), between 2000 and 2100, optionally not in the future. */
export function instant(opts: InstantOptions = {}) {
  return z.string().superRefine((s, ctx) => {
    const ms = parseInstant(s);
    if (ms === null) ctx.addIssue({ code: "custom", message: "must be a date-time with a time zone, e.g. 2026-11-29T14:05:00+08:00", params: issueCode("bad_date") });
    else if (ms < INSTANT_RANGE.min || ms >= INSTANT_RANGE.max) ctx.addIssue({ code: "custom", message: "must be between the years 2000 and 2099", params: issueCode("bad_date") });
    else if (opts.notAfterNowBy !== undefined && ms > Date.now() + opts.notAfterNowBy) ctx.addIssue({ code: "custom", message: "is in the future", params: issueCode("future") });
  });
}

/** Number of ISO weeks in a year: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  // Weekday of 31 December of year y, Sunday = 0.
  const dec31 = (y: number) => (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) % 7;
  return dec31(year) === 4 || dec31(year - 1) === 3 ? 53 : 52;
}

function plausibleYear(year: number): boolean {
  return year >= FIRST_PERIOD_YEAR && year <= new Date().getUTCFullYear() + 1;
}

const periodRule = (pattern: RegExp, example: string, valid: (m: RegExpExecArray) => boolean) =>
  z.string().superRefine((s, ctx) => {
    const m = pattern.exec(s);
    if (!m || !valid(m)) ctx.addIssue({ code: "custom", message: `must be a period such as ${example}`, params: issueCode("bad_period") });
    else if (!plausibleYear(Number(m[1]))) ctx.addIssue({ code: "custom", message: `must be a period from ${FIRST_PERIOD_YEAR} to next year`, params: issueCode("bad_period") });
  });

/** A day, `YYYY-MM-DD`. */
export const DailyPeriod = periodRule(/^(\d{4})-(\d{2})-(\d{2})$/, "2026-11-29", (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])));
/** An ISO week, `YYYY-Www` (W53 only in years that have one). */
export const WeeklyPeriod = periodRule(/^(\d{4})-W(\d{2})$/, "2026-W48", (m) => Number(m[2]) >= 1 && Number(m[2]) <= isoWeeksInYear(Number(m[1])));
/** A month, `YYYY-MM`. */
export const MonthlyPeriod = periodRule(/^(\d{4})-(\d{2})$/, "2026-11", (m) => Number(m[2]) >= 1 && Number(m[2]) <= 12);
