import type { DutyKind, DutySettings, DutyStatus } from "@contract/duties.ts";
import { addDays, daysFrom, isoWeekday, periodEnd, periodsCovering, periodStart, witaInstant, type PeriodKind } from "@contract/periods.ts";

/**
 * What an officer owes and by when, as pure rules over the WITA calendar (no database, no clock): the
 * duties service feeds them settings, holidays, leave and the reports, and stores what they decide.
 */

export const PERIOD_OF_DUTY: Record<DutyKind, PeriodKind> = { daily: "day", weekly: "week", monthly: "month" };
export const DUTY_KINDS: readonly DutyKind[] = ["daily", "weekly", "monthly"];

export interface OfficerCalendar {
  /** The first day the officer owes reports for (periods starting earlier owe nothing). */
  owesFrom: string;
  /** Leave, first and last day inclusive. */
  leave: { firstDay: string; lastDay: string }[];
}

/** A period of one kind of report. */
export interface DutyPeriod {
  kind: DutyKind;
  period: string;
}

/** A deadline never moves further than this past holidays and leave. */
const MAX_DEADLINE_SHIFT_DAYS = 60;

const onLeave = (officer: OfficerCalendar, day: string) => officer.leave.some((l) => l.firstDay <= day && day <= l.lastDay);

/**
 * When a duty is due, or null when the period owes none: the kind is switched off, the period began
 * before the officer's start, a daily report's day is not a reporting weekday, a holiday or a day of
 * leave, or a weekly or monthly period is leave from end to end. A deadline falling on a holiday or on
 * the officer's leave moves to the next day that is neither, at the same time.
 */
export function dutyDeadline(d: DutyPeriod, settings: DutySettings, holidays: ReadonlySet<string>, officer: OfficerCalendar): Date | null {
  const kind = PERIOD_OF_DUTY[d.kind];
  const start = periodStart(kind, d.period);
  if (!settings[d.kind].enabled || start < officer.owesFrom) return null;
  const off = (day: string) => holidays.has(day) || onLeave(officer, day);
  if (d.kind === "daily") {
    if (!settings.daily.weekdays.includes(isoWeekday(start)) || off(start)) return null;
    return witaInstant(start, settings.daily.time);
  }
  const end = periodEnd(kind, d.period);
  if (daysFrom(start, addDays(end, -1)).every((day) => onLeave(officer, day))) return null;
  const { time } = settings[d.kind];
  let due = d.kind === "weekly" ? addDays(end, settings.weekly.weekday - 1) : addDays(end, settings.monthly.day - 1);
  for (let shift = 0; shift < MAX_DEADLINE_SHIFT_DAYS && off(due); shift++) due = addDays(due, 1);
  return witaInstant(due, time);
}

/** How a duty stands at `now`: by the phone's save time of the report that meets it, if any. */
export function judgeDuty(dueAt: Date, sentAt: Date | null, now: Date): DutyStatus {
  if (sentAt) return sentAt.getTime() <= dueAt.getTime() ? "on_time" : "late";
  return now.getTime() < dueAt.getTime() ? "pending" : "missing";
}

export function reminderAt(dueAt: Date, settings: DutySettings): Date {
  return new Date(dueAt.getTime() - settings.reminderLeadMinutes * 60_000);
}

/** The periods of every kind that begin between `from` and `to` (days, inclusive). */
export function periodsStartingBetween(from: string, to: string): DutyPeriod[] {
  return DUTY_KINDS.flatMap((kind) =>
    periodsCovering(PERIOD_OF_DUTY[kind], from, to)
      .filter((period) => periodStart(PERIOD_OF_DUTY[kind], period) >= from)
      .map((period) => ({ kind, period })),
  );
}
