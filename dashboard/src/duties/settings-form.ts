import { DutySettings } from "@contract/duties.ts";
import { checkLocally, type LocalInvalid } from "@kit/local-invalid.ts";

/** ISO weekdays, Monday first, as the settings number them. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name in the user's language: 1 January 2024 was a Monday. */
export const weekdayName = (d: number, locale: string) => new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, d));

/**
 * The form checked with the contract's own schema before it is sent: the same rules and the same field
 * paths (`daily.time`, `monthly.day`, …) as the server's answer, so a problem shows beside its field
 * whether the browser or the server found it. Null when there is none.
 */
export const checkSettings = (settings: DutySettings): LocalInvalid | null => checkLocally(DutySettings, settings);

/** The error of a field or of anything inside it (`daily.weekdays.3` belongs to `daily.weekdays`). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const inner = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return inner ? errors[inner] : undefined;
}

/** The weekdays with `day` switched on or off, in week order, each once. */
export function toggleWeekday(days: readonly number[], day: number, on: boolean): number[] {
  const set = new Set(days);
  if (on) set.add(day);
  else set.delete(day);
  return [...set].sort((a, b) => a - b);
}

/** A number input's value: empty or unreadable stays NaN, which the schema reports as "not a number". */
export const numberOf = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
