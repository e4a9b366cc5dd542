import { addDays, kindOfKey, periodEnd, periodStart, witaInstant, type PeriodKind } from "./periods.ts";
import type { Kerawanan } from "./reports.ts";

/**
 * Periods of the tiered reports (berjenjang) and their Indonesian titles, without zod: the phone's home
 * imports these on its first load (the draft's schemas are in periodic-drafts.ts).
 * The period arithmetic is here, in WITA, so the phone (titles, the time a periodic report stands for) and
 * the server (which reports fall in a period) cannot disagree on where a week or a month begins and ends.
 */

/** Low to high, as the contract's Kerawanan enum lists them (kept here without zod). */
const KERAWANAN_ORDER: readonly Kerawanan[] = ["rendah", "sedang", "tinggi", "sangat_tinggi"];

export type PeriodicKind = "daily" | "weekly" | "monthly";

export const ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"] as const;
/** Indexed like `Date#getUTCDay`: Sunday first. */
export const ID_WEEKDAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"] as const;

const dayMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** A period's days (both included) and its instants: WITA midnight before the first day, and after the last. */
export interface PeriodBounds {
  firstDay: string;
  lastDay: string;
  /** Epoch ms of 00:00 WITA on the first day. */
  start: number;
  /** Epoch ms of 00:00 WITA on the day after the last (exclusive). */
  end: number;
}

const CALENDAR_KIND = { daily: "day", weekly: "week", monthly: "month" } as const satisfies Record<PeriodicKind, PeriodKind>;

/** The days and instants of a daily (`2026-11-29`), weekly (`2026-W48`) or monthly (`2026-11`) period; null if it is not one. */
export function periodBounds(kind: PeriodicKind, period: string): PeriodBounds | null {
  const calendar = CALENDAR_KIND[kind];
  if (kindOfKey(period) !== calendar) return null;
  const after = periodEnd(calendar, period);
  const firstDay = periodStart(calendar, period);
  return { firstDay, lastDay: addDays(after, -1), start: witaInstant(firstDay).getTime(), end: witaInstant(after).getTime() };
}

/** "29 November 2026" for `2026-11-29`. */
export function formatIdDay(day: string, withYear = true): string {
  const d = new Date(dayMs(day));
  return `${d.getUTCDate()} ${ID_MONTHS[d.getUTCMonth()]}${withYear ? ` ${d.getUTCFullYear()}` : ""}`;
}

/** "Minggu, 29 November 2026". */
export function formatIdWeekday(day: string): string {
  return `${ID_WEEKDAYS[new Date(dayMs(day)).getUTCDay()]}, ${formatIdDay(day)}`;
}

/** "23–29 November 2026", "30 November – 6 Desember 2026", "28 Desember 2026 – 3 Januari 2027". */
export function formatIdRange(firstDay: string, lastDay: string): string {
  if (firstDay === lastDay) return formatIdDay(firstDay);
  const [a, b] = [new Date(dayMs(firstDay)), new Date(dayMs(lastDay))];
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${formatIdDay(firstDay)} – ${formatIdDay(lastDay)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${formatIdDay(firstDay, false)} – ${formatIdDay(lastDay)}`;
  return `${a.getUTCDate()}–${formatIdDay(lastDay)}`;
}

const TITLE_PREFIX: Record<PeriodicKind, string> = { daily: "Laporan Harian", weekly: "Laporan Mingguan", monthly: "Laporan Bulanan" };

/**
 * The Indonesian title of a periodic report, as an officer would write it on paper: "Laporan Harian Minggu,
 * 29 November 2026", "Laporan Mingguan 23–29 November 2026", "Laporan Bulanan November 2026". A period
 * that is not one keeps its key ("Laporan Mingguan 2026-W99"), so a title is always there to edit.
 */
export function periodicTitle(kind: PeriodicKind, period: string): string {
  return `${TITLE_PREFIX[kind]} ${periodLabel(kind, period)}`.trim();
}

/** The period part of a title: "Minggu, 29 November 2026", "23–29 November 2026", "November 2026". */
export function periodLabel(kind: PeriodicKind, period: string): string {
  const bounds = periodBounds(kind, period);
  if (!bounds) return period;
  if (kind === "daily") return formatIdWeekday(bounds.firstDay);
  if (kind === "weekly") return formatIdRange(bounds.firstDay, bounds.lastDay);
  return `${ID_MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

/** The highest tingkat kerawanan among some, or null when there are none. */
export function highestKerawanan(levels: Iterable<Kerawanan>): Kerawanan | null {
  let top = -1;
  for (const level of levels) top = Math.max(top, KERAWANAN_ORDER.indexOf(level));
  return top < 0 ? null : KERAWANAN_ORDER[top]!;
}

/** Situation reports at these levels are the notable incidents of a draft. */
export const NOTABLE_KERAWANAN: readonly Kerawanan[] = ["tinggi", "sangat_tinggi"];
