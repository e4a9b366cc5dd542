import { witaDate, witaIsoWeek, witaMonth } from "@kit/wita.ts";

export type PeriodicKind = "daily" | "weekly" | "monthly";

/** The period a new report covers by default: today, this ISO week, this month — all in WITA. */
export function defaultPeriod(kind: PeriodicKind, now: number): string {
  switch (kind) {
    case "daily":
      return witaDate(now);
    case "weekly":
      return witaIsoWeek(now);
    case "monthly":
      return witaMonth(now);
  }
}

/** The `<input>` type that edits a period of this kind (the browser gives a proper picker for each). */
export const PERIOD_INPUT_TYPE: Record<PeriodicKind, "date" | "week" | "month"> = {
  daily: "date",
  weekly: "week",
  monthly: "month",
};
