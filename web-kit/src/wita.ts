/**
 * Time as Balangan lives it: WITA (Asia/Makassar), UTC+8 all year (Indonesia has no daylight saving).
 * Computed by offset rather than from the phone's time zone, because a phone set to Jakarta time or UTC
 * must still owe today's report for the WITA day.
 */
const WITA_OFFSET_MS = 8 * 3_600_000;
export const WITA_ZONE = "Asia/Makassar";
const DAY_MS = 86_400_000;

/** Calendar date in WITA, `YYYY-MM-DD`. */
export function witaDate(ms: number): string {
  return new Date(ms + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar month in WITA, `YYYY-MM`. */
export function witaMonth(ms: number): string {
  return witaDate(ms).slice(0, 7);
}

/** ISO-8601 week of a WITA moment, `YYYY-Www` (weeks start Monday; week 1 holds the year's first Thursday). */
export function witaIsoWeek(ms: number): string {
  const d = new Date(Date.parse(`${witaDate(ms)}T00:00:00Z`));
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Value for `<input type="datetime-local">`, in WITA wall time (`YYYY-MM-DDTHH:mm`). */
export function toWitaLocalInput(ms: number): string {
  return new Date(ms + WITA_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as WITA wall time, as an ISO instant; null for empty or invalid. */
export function fromWitaLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** "14.05 WITA", with the date in front unless it is today (WITA). */
export function formatWita(ms: number, locale: string, now: number = Date.now()): string {
  const time = new Intl.DateTimeFormat(locale, { timeZone: WITA_ZONE, hour: "2-digit", minute: "2-digit", hour12: false }).format(ms);
  if (witaDate(ms) === witaDate(now)) return `${time} WITA`;
  const day = new Intl.DateTimeFormat(locale, { timeZone: WITA_ZONE, day: "numeric", month: "short" }).format(ms);
  return `${day} ${time} WITA`;
}

/** "Senin, 2 Maret 2026" for a WITA date. */
export function formatWitaDay(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: WITA_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(ms);
}

/**
 * A WITA calendar day as kept ("2026-11-30") in words: "Senin, 30 November 2026", or `short`
 * "30 Nov 2026". Read at WITA noon, so no zone shifts it to another day. Not a day: shown as given.
 */
export function formatDayKey(day: string, locale: string, short = false): string {
  const ms = Date.parse(`${day}T12:00:00+08:00`);
  if (Number.isNaN(ms)) return day;
  if (!short) return formatWitaDay(ms, locale);
  return new Intl.DateTimeFormat(locale, { timeZone: WITA_ZONE, day: "numeric", month: "short", year: "numeric" }).format(ms);
}

const stampFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date-time as Balangan reads it, e.g. "12 Mei 14.05 WITA": in the server's zone (WITA), not the
 * viewer's, so a screen in Jakarta shows the same time as a phone in Paringin. "—" when there is none.
 */
export function formatStamp(iso: string | null | undefined, locale: string, timeZone = WITA_ZONE, withYear = false): string {
  if (!iso) return "—";
  const key = `${locale}|${timeZone}|${withYear}`;
  let fmt = stampFormats.get(key);
  if (!fmt) {
    const year = withYear ? "numeric" : undefined;
    fmt = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    stampFormats.set(key, fmt);
  }
  return fmt.format(new Date(iso)) + (timeZone === WITA_ZONE ? " WITA" : "");
}
