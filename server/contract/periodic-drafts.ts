import { z } from "zod";
import { Bidang, Kerawanan, MonthlyBody, WeeklyBody } from "./reports.ts";
import { MonthlyPeriod, WeeklyPeriod } from "./time.ts";

/**
 * Tiered reports (berjenjang): the weekly and monthly report offered to an officer as a draft compiled from
 * their own dailies and situation reports of the period. Period arithmetic and titles: period-titles.ts.
 */
export * from "./period-titles.ts";

export const PeriodicDraftQuery = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weekly"), period: WeeklyPeriod }),
  z.object({ kind: z.literal("monthly"), period: MonthlyPeriod }),
]);
export type PeriodicDraftQuery = z.infer<typeof PeriodicDraftQuery>;

/** A situation report of the period at tinggi or sangat tinggi. */
export const NotableIncident = z.strictObject({
  id: z.string(),
  number: z.string(),
  perihal: z.string(),
  bidang: Bidang,
  kerawanan: Kerawanan,
  occurredAt: z.string(),
  /** The WITA day it happened. */
  day: z.string(),
  desa: z.string().nullable(),
});
export type NotableIncident = z.infer<typeof NotableIncident>;

/** A line of a daily report (its agenda, its potential problems), with the day of that report. */
export const DatedText = z.strictObject({ day: z.string(), text: z.string() });
export type DatedText = z.infer<typeof DatedText>;

const draftFields = {
  period: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  /** The Indonesian title, the report's perihal by default. */
  title: z.string(),
  /** The officer's own situation reports that happened in the period (rejected ones left out). */
  situations: z.number().int(),
  /** The officer's own daily reports of the period's days. */
  dailies: z.number().int(),
  byBidang: z.record(Bidang, z.number().int()),
  byKerawanan: z.record(Kerawanan, z.number().int()),
  /** The highest kerawanan among the period's situation reports; null when there were none. */
  highestKerawanan: Kerawanan.nullable(),
  notable: z.array(NotableIncident),
  agenda: z.array(DatedText),
  potensiMasalah: z.array(DatedText),
};

/**
 * `GET /api/periodic/draft`: what the period's own reports say, and the report body prefilled from it —
 * keyed as the phone's form keys it (`tallies.<bidang>`, `statistik.<bidang>`, `athg.<bidang>`), text fields
 * drafted in Indonesian for the officer to edit.
 */
export const PeriodicDraft = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("weekly"), ...draftFields, body: WeeklyBody }),
  z.strictObject({ kind: z.literal("monthly"), ...draftFields, body: MonthlyBody }),
]);
export type PeriodicDraft = z.infer<typeof PeriodicDraft>;
