import { z } from "zod";
import { KecamatanKode } from "./auth.ts";
import { Bidang, Kerawanan, ReportKind, ReportStatus } from "./reports.ts";

/**
 * The statistics API over the rollups: counts per period (WITA day, ISO week, month, quarter) and
 * time-to-verify. Shaped for charts: one array of x values (period starts, Unix seconds) and one array
 * per series, aligned, as uPlot takes them; the table beneath a chart comes from the summary.
 *
 * Where a report counts: a situation report in the period of its `occurredAt` (WITA), so a report that
 * reaches the server late lands in its own period; a daily, weekly or monthly report in the period of
 * the first day of its own `period`.
 */

export const StatsPeriod = z.enum(["day", "week", "month", "quarter"]);
export type StatsPeriod = z.infer<typeof StatsPeriod>;

/** What a trend's series split by; `none` gives the total only. */
export const StatsGroupBy = z.enum(["none", "kecamatan", "bidang", "kerawanan", "status", "kind"]);
export type StatsGroupBy = z.infer<typeof StatsGroupBy>;

/** Periods one answer may span: a year and a month of days. */
export const STATS_MAX_PERIODS = 400;

/** `a,b` or `a&…=b`: one or more values (the client kit sends arrays comma-joined). */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",") : Array.isArray(v) ? v.flatMap((x) => (typeof x === "string" ? x.split(",") : [x])) : v),
      z.array(item).min(1).max(20),
    )
    .optional();

/** A day (`2026-11-27`) or a period key of the query's kind (`2026-W48`, `2026-11`, `2026-Q4`). */
const PeriodBound = z.string().regex(/^\d{4}-(\d{2}(-\d{2})?|W\d{2}|Q[1-4])$/, "a day or a period such as 2026-11-27, 2026-W48, 2026-11, 2026-Q4");

const filters = {
  period: StatsPeriod.default("week"),
  /** First period (inclusive); default: eleven periods before `to` (thirty days for `day`). */
  from: PeriodBound.optional(),
  /** Last period (inclusive); default: the current one. */
  to: PeriodBound.optional(),
  kecamatan: listOf(KecamatanKode),
  bidang: listOf(Bidang),
  kind: listOf(ReportKind),
  status: listOf(ReportStatus),
  kerawanan: listOf(Kerawanan),
};

export const StatsTrendQuery = z.object({ ...filters, groupBy: StatsGroupBy.default("none") });
export type StatsTrendQuery = z.output<typeof StatsTrendQuery>;
export const StatsSummaryQuery = z.object(filters);
export type StatsSummaryQuery = z.output<typeof StatsSummaryQuery>;

/**
 * Time from a situation report's arrival to its first verification, over the reports verified: median
 * and 90th percentile in seconds (null when none), read from histograms with buckets a fourth of an
 * octave wide, so within about 9 %. Filtered by kecamatan and bidang only.
 */
export const VerifyTimes = z.strictObject({
  n: z.number().int(),
  medianSeconds: z.number().int().nullable(),
  p90Seconds: z.number().int().nullable(),
});
export type VerifyTimes = z.infer<typeof VerifyTimes>;

const Range = {
  period: StatsPeriod,
  /** The first and last period keys answered. */
  from: z.string(),
  to: z.string(),
};

export const StatsTrend = z.strictObject({
  ...Range,
  groupBy: StatsGroupBy,
  /** Period keys, oldest first. */
  periods: z.array(z.string()),
  /** Each period's first instant (00:00 WITA) in Unix seconds: the x axis. */
  x: z.array(z.number().int()),
  total: z.array(z.number().int()),
  /** One per value of `groupBy` seen (none for `none`); `key` null: periodic reports, which have no bidang. */
  series: z.array(z.strictObject({ key: z.string().nullable(), values: z.array(z.number().int()) })),
  verify: z.strictObject({
    n: z.array(z.number().int()),
    medianSeconds: z.array(z.number().int().nullable()),
    p90Seconds: z.array(z.number().int().nullable()),
  }),
});
export type StatsTrend = z.infer<typeof StatsTrend>;

export const StatsSummaryRow = z.strictObject({
  /** null: every kecamatan in the answer. */
  kecamatanKode: z.string().nullable(),
  /** null: every bidang (periodic reports, which have none, count only here). */
  bidang: z.string().nullable(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byKerawanan: z.record(z.string(), z.number().int()),
  byKind: z.record(z.string(), z.number().int()),
  verify: VerifyTimes,
});
export type StatsSummaryRow = z.infer<typeof StatsSummaryRow>;

/** Totals over the whole range: per kecamatan × bidang, per kecamatan, per bidang, and overall (last). */
export const StatsSummary = z.strictObject({ ...Range, rows: z.array(StatsSummaryRow) });
export type StatsSummary = z.infer<typeof StatsSummary>;
