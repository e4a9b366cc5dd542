import { DAY, dayStart, witaDay, witaParts } from "./calendar.ts";
import type { Random } from "./random.ts";

/**
 * When things happen in Balangan, roughly: office hours more than nights, weekdays more than Sundays, and
 * the year's own rhythm — Ramadan and Lebaran (prices, worship, homecoming traffic), the rainy season
 * (floods along the Balangan and Pitap rivers), the dry season (land and forest fires), Independence Day,
 * the year's end, and village head elections (pilkades) in a few kecamatan. Weights, not rules: they
 * shape the trend charts so a demo looks like an office year, not noise.
 */

/** Approximate first day of Ramadan in Indonesia (sidang isbat may move it by a day). */
const RAMADAN_START: readonly string[] = [
  "2023-03-23", "2024-03-12", "2025-03-01", "2026-02-18", "2027-02-08", "2028-01-28", "2029-01-16", "2030-01-06", "2030-12-26",
];
const RAMADAN_DAYS = RAMADAN_START.map((d) => witaDay(Date.parse(`${d}T12:00:00+08:00`)));

/** Relative frequency of reports by WITA hour: quiet nights, a morning peak, a mid-afternoon one. */
const HOUR_WEIGHTS = [0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.8, 1.4, 2.2, 2.8, 3, 2.8, 2, 2.2, 2.6, 2.5, 2.1, 1.6, 1.2, 1.2, 1.1, 0.8, 0.5, 0.3];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const WEEKDAY_WEIGHTS = [0.6, 1.1, 1.05, 1, 1.05, 0.95, 0.8]; // Sunday … Saturday

/** What is going on on a day: the seasons and events that shift how many reports, and about what. */
export interface DaySeason {
  day: number;
  weekday: number;
  month: number;
  ramadan: boolean;
  /** The week around Idul Fitri. */
  lebaran: boolean;
  /** December to March: rain, floods. */
  rainy: boolean;
  /** August to October: dry, land and forest fires. */
  dry: boolean;
  /** 10–20 August. */
  independence: boolean;
  /** 15 December to 2 January. */
  yearEnd: boolean;
  /** Kecamatan holding a village head election campaign on this day. */
  pilkades: readonly string[];
}

/** A village head election: its kecamatan and its campaign weeks (day numbers, both included). */
export interface PilkadesWindow {
  kecamatanKode: string;
  from: number;
  to: number;
}

/** Two or three pilkades windows in the year, in kecamatan and at times chosen by the seed. */
export function planPilkades(rng: Random, firstDay: number, lastDay: number, kecamatan: readonly string[]): PilkadesWindow[] {
  const count = rng.int(2, 3);
  return Array.from({ length: count }, () => {
    const from = rng.int(firstDay, Math.max(firstDay, lastDay - 21));
    return { kecamatanKode: rng.pick(kecamatan), from, to: from + rng.int(14, 24) };
  });
}

export function seasonOf(day: number, pilkades: readonly PilkadesWindow[]): DaySeason {
  const p = witaParts(dayStart(day) + 12 * 3_600_000);
  const ramadanStart = RAMADAN_DAYS.filter((d) => d <= day).at(-1);
  const sinceRamadan = ramadanStart === undefined ? Infinity : day - ramadanStart;
  return {
    day,
    weekday: p.weekday,
    month: p.month,
    ramadan: sinceRamadan < 30,
    lebaran: sinceRamadan >= 27 && sinceRamadan < 37,
    rainy: p.month === 12 || p.month <= 3,
    dry: p.month >= 8 && p.month <= 10,
    independence: p.month === 8 && p.date >= 10 && p.date <= 20,
    yearEnd: (p.month === 12 && p.date >= 15) || (p.month === 1 && p.date <= 2),
    pilkades: pilkades.filter((w) => day >= w.from && day <= w.to).map((w) => w.kecamatanKode),
  };
}

/** How busy a day is, relative to an ordinary Wednesday. */
export function dayWeight(s: DaySeason): number {
  let w = WEEKDAY_WEIGHTS[s.weekday]!;
  if (s.ramadan) w *= 1.15;
  if (s.lebaran) w *= 1.3;
  if (s.independence) w *= 1.15;
  if (s.yearEnd) w *= 1.2;
  if (s.dry) w *= 1.1;
  if (s.rainy) w *= 1.05;
  w *= 1 + 0.25 * s.pilkades.length;
  return w;
}

/** The share of a day's reports that fall before `ms` (for the last, unfinished day). */
export function dayFractionBefore(ms: number): number {
  const p = witaParts(ms);
  let acc = 0;
  for (let h = 0; h < p.hour; h++) acc += HOUR_WEIGHTS[h]!;
  acc += (HOUR_WEIGHTS[p.hour]! * p.minute) / 60;
  return acc / HOUR_TOTAL;
}

/** A moment in the day, office hours likelier than the night; never at or after `notAfter`. */
export function momentInDay(rng: Random, day: number, notAfter = Infinity): number {
  const start = dayStart(day);
  const latest = Math.min(start + DAY, notAfter) - 1;
  for (let attempt = 0; attempt < 20; attempt++) {
    let x = rng.next() * HOUR_TOTAL;
    let hour = 0;
    while (hour < 23 && (x -= HOUR_WEIGHTS[hour]!) >= 0) hour++;
    const at = start + hour * 3_600_000 + Math.floor(rng.next() * 3_600_000);
    if (at <= latest) return Math.floor(at / 1000) * 1000;
  }
  return Math.floor((start + rng.next() * Math.max(0, latest - start)) / 1000) * 1000;
}
