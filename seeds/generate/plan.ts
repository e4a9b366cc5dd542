import { dayStart, HOUR, MINUTE, monthFirstDay, weekMonday, witaDay } from "./calendar.ts";
import type { Random } from "./random.ts";

/**
 * How many reports of which kind fall where in the year: the officers' periodic reports (planned first,
 * so their count is known), and the situation reports spread over the days by weight, adding up exactly
 * to the number asked for.
 */

/** Share of all reports that are daily, weekly or monthly (the rest are situation reports). */
export const PERIODIC_SHARE = 0.1;

export interface Officer {
  id: string;
  username: string;
  kecamatanKode: string;
}

export interface PeriodicPlan {
  officer: Officer;
  kind: "daily" | "weekly" | "monthly";
  /** First and last day of the period. */
  from: number;
  to: number;
  sentAt: number;
}

/** A moment on `day` between `fromHour` and `toHour` (WITA). */
function at(rng: Random, day: number, fromHour: number, toHour: number): number {
  return dayStart(day) + fromHour * HOUR + rng.int(0, (toHour - fromHour) * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
}

/**
 * Each officer's recent periodic reports, the most recent periods first: a year of monthly reports, then
 * weeks, then days, as far as the budget goes. Officers miss a few (duty compliance is not perfect) and
 * send some late; the current day, week and month are still owed, never filed.
 */
export function planPeriodic(rng: Random, officers: readonly Officer[], reports: number, endDay: number, end: number): PeriodicPlan[] {
  if (!officers.length) return [];
  const perOfficer = Math.floor(Math.round(reports * PERIODIC_SHARE) / officers.length);
  const months = Math.min(12, perOfficer);
  let weeks = Math.min(52, Math.round((perOfficer - months) * 0.25));
  const days = Math.min(364, perOfficer - months - weeks);
  weeks = Math.min(52, perOfficer - months - days);
  const plans: PeriodicPlan[] = [];
  for (const [index, officer] of officers.entries()) {
    const o = rng.fork(`periodic:${index}`);
    for (let k = 1; k <= days; k++) {
      const day = endDay - k;
      if (o.chance(0.05)) continue;
      const late = o.next();
      const sentAt = late < 0.82 ? at(o, day, 16, 20) : late < 0.92 ? at(o, day, 20, 23) : at(o, day + 1, 7, 10);
      plans.push({ officer, kind: "daily", from: day, to: day, sentAt });
    }
    for (let k = 1; k <= weeks; k++) {
      const monday = weekMonday(endDay) - 7 * k;
      if (o.chance(0.03)) continue;
      const sentAt = o.chance(0.85) ? at(o, monday + 7, 7, 12) : at(o, monday + 8, 8, 16);
      plans.push({ officer, kind: "weekly", from: monday, to: monday + 6, sentAt });
    }
    let next = monthFirstDay(endDay);
    for (let k = 1; k <= months; k++) {
      const first = monthFirstDay(next - 1);
      if (!o.chance(0.02)) {
        const sentAt = o.chance(0.88) ? at(o, next + o.int(0, 4), 8, 15) : at(o, next + o.int(5, 7), 8, 15);
        plans.push({ officer, kind: "monthly", from: first, to: next - 1, sentAt });
      }
      next = first;
    }
  }
  return plans.filter((p) => p.sentAt + 20_000 <= end).sort((a, b) => a.sentAt - b.sentAt);
}

/** `total` split over the weights by cumulative rounding: every share within one of exact, the sum exact. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === weights.length - 1 ? total : 0));
  let acc = 0;
  let given = 0;
  return weights.map((w) => {
    acc += w;
    const upTo = Math.round((acc / sum) * total);
    const n = upTo - given;
    given = upTo;
    return n;
  });
}

/** Days of the year window, oldest first: 365 days ending with the day of `end`. */
export function yearDays(end: number): { firstDay: number; endDay: number } {
  const endDay = witaDay(end);
  return { firstDay: endDay - 364, endDay };
}
