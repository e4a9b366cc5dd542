/**
 * WITA (UTC+8, no daylight saving) calendar arithmetic for the generator. Days are numbered from the epoch
 * in WITA, so "the same day" means the same date on an office wall clock in Balangan. Instants leave here
 * as ISO strings with `+08:00`, the way officers' phones send them.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WITA = 8 * HOUR;

/** The WITA day number of an instant (days since 1970-01-01 WITA). */
export function witaDay(ms: number): number {
  return Math.floor((ms + WITA) / DAY);
}

/** The instant a WITA day begins (00:00 WITA). */
export function dayStart(day: number): number {
  return day * DAY - WITA;
}

export interface WitaParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  date: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function witaParts(ms: number): WitaParts {
  const d = new Date(ms + WITA);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `2026-03-01T09:30:12+08:00`: seconds kept, milliseconds dropped (phones send whole seconds). */
export function isoWita(ms: number): string {
  const d = new Date(ms + WITA);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}

/** The daily period of a day, `YYYY-MM-DD`. */
export function dailyPeriod(day: number): string {
  const p = witaParts(dayStart(day));
  return `${p.year}-${pad(p.month)}-${pad(p.date)}`;
}

/** The month period of a day, `YYYY-MM`. */
export function monthlyPeriod(day: number): string {
  const p = witaParts(dayStart(day));
  return `${p.year}-${pad(p.month)}`;
}

/** Monday (day number) of the ISO week holding `day`. */
export function weekMonday(day: number): number {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - ((day + 3) % 7 + 7) % 7;
}

/** The ISO week period of a day, `YYYY-Www` (the week's year is the year of its Thursday). */
export function weeklyPeriod(day: number): string {
  const thursday = weekMonday(day) + 3;
  const year = witaParts(dayStart(thursday)).year;
  const jan4 = witaDay(Date.UTC(year, 0, 4));
  const week = Math.floor((thursday - weekMonday(jan4)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** First day (day number) of the month holding `day`. */
export function monthFirstDay(day: number): number {
  const p = witaParts(dayStart(day));
  return witaDay(Date.UTC(p.year, p.month - 1, 1));
}

const HARI = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
export const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** `Senin, 12 Mei 2025 sekitar pukul 09.30 WITA`: how a Laporan Informasi names the moment (bilamana). */
export function bilamana(ms: number): string {
  const p = witaParts(ms);
  return `${HARI[p.weekday]}, ${p.date} ${BULAN[p.month - 1]} ${p.year} sekitar pukul ${pad(p.hour)}.${pad(p.minute)} WITA`;
}

/** `12 Mei 2025`. */
export function tanggal(day: number): string {
  const p = witaParts(dayStart(day));
  return `${p.date} ${BULAN[p.month - 1]} ${p.year}`;
}

/** `Mei 2025`. */
export function bulanTahun(day: number): string {
  const p = witaParts(dayStart(day));
  return `${BULAN[p.month - 1]} ${p.year}`;
}
