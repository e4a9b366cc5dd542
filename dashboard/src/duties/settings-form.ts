import { DutySettings } from "@contract/duties.ts";
import { fieldIssueOf, type FieldIssue } from "@contract/errors.ts";

/** ISO weekdays, Monday first, as the settings number them. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name in the user's language: 1 January 2024 was a Monday. */
export const weekdayName = (d: number, locale: string) => new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, d));

/** A failure shaped like the server's 400, so the same `fieldErrors` puts each problem beside its field. */
export interface LocalInvalid {
  code: "invalid_input";
  message: string;
  fields: Record<string, string>;
  fieldIssues: Record<string, FieldIssue>;
}

/**
 * The form checked with the contract's own schema before it is sent: the same rules and the same field
 * paths (`daily.time`, `monthly.day`, …) as the server's answer, so a problem shows beside its field
 * whether the browser or the server found it. Null when there is none.
 */
export function checkSettings(settings: DutySettings): LocalInvalid | null {
  const parsed = DutySettings.safeParse(settings);
  if (parsed.success) return null;
  const fields: Record<string, string> = {};
  const fieldIssues: Record<string, FieldIssue> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    if (key in fields) continue;
    fields[key] = issue.message;
    fieldIssues[key] = fieldIssueOf(issue);
  }
  return { code: "invalid_input", message: "Input is not valid", fields, fieldIssues };
}

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
