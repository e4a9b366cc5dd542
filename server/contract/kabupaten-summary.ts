import { z } from "zod";
import { Bidang, ReportStatus } from "./reports.ts";
import { MonthlyPeriod } from "./time.ts";

/**
 * The kabupaten-level monthly situation summary (rangkuman situasi bulanan) for the leadership, compiled
 * from the kecamatan monthly reports (kind `monthly`, one or more per kecamatan: one per officer) of a
 * month: which arrived and which kecamatan sent none, the statistik tallies summed, each bidang's ATHG
 * and the notable events, forecasts and advice gathered with the kecamatan they came from.
 */

export const KabupatenSummaryQuery = z.object({
  /** The month, `2026-11`. */
  month: MonthlyPeriod,
  /** Also count reports still waiting for verification (`submitted`); by default only verified or published ones count. */
  includeUnverified: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type KabupatenSummaryQuery = z.infer<typeof KabupatenSummaryQuery>;

/** Statuses whose reports count in the tallies and texts: verified or published, and submitted on request. */
export const COUNTED_STATUSES: readonly ReportStatus[] = ["verified", "published"];
export const COUNTED_STATUSES_WITH_UNVERIFIED: readonly ReportStatus[] = ["submitted", "verified", "published"];

/** A monthly report that arrived, whether or not it counts (a rejected one arrived, but does not). */
export const SummaryReport = z.strictObject({
  id: z.string(),
  number: z.string(),
  perihal: z.string(),
  officerName: z.string(),
  status: ReportStatus,
  /** When the phone saved it, and when the server received it. */
  sentAt: z.string(),
  receivedAt: z.string(),
  /** Its tallies and texts are in the summary (see `includeUnverified`). */
  counted: z.boolean(),
});
export type SummaryReport = z.infer<typeof SummaryReport>;

export const SummaryKecamatan = z.strictObject({
  kode: z.string(),
  nama: z.string(),
  /** Every monthly report of the month from this kecamatan, first received first; empty: none arrived. */
  reports: z.array(SummaryReport),
  /** How many of them count. */
  counted: z.number().int().min(0),
});
export type SummaryKecamatan = z.infer<typeof SummaryKecamatan>;

/** A piece of text from one counted report, with where it came from. */
export const SummaryText = z.strictObject({
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  reportNumber: z.string(),
  officerName: z.string(),
  text: z.string(),
});
export type SummaryText = z.infer<typeof SummaryText>;

/** One statistik item summed over the counted reports, with each kecamatan's part (those that have it). */
export const SummaryTally = z.strictObject({
  key: z.string(),
  total: z.number().int().min(0),
  byKecamatan: z.array(z.strictObject({ kecamatanKode: z.string(), n: z.number().int().min(0) })),
});
export type SummaryTally = z.infer<typeof SummaryTally>;

export const KabupatenSummary = z.strictObject({
  month: z.string(),
  includeUnverified: z.boolean(),
  /** Statuses counted: `verified`, `published`, and `submitted` with includeUnverified. */
  countedStatuses: z.array(ReportStatus),
  /** Every kecamatan the reader may see, in code order. */
  kecamatan: z.array(SummaryKecamatan),
  /** Kecamatan from which no monthly report of the month arrived at all. */
  missing: z.array(z.strictObject({ kode: z.string(), nama: z.string() })),
  /** The statistik tallies summed across kecamatan, by key. */
  statistik: z.array(SummaryTally),
  /** Each bidang (all five, in order) with its ATHG texts per kecamatan; blank texts are left out. */
  athg: z.array(z.strictObject({ bidang: Bidang, entries: z.array(SummaryText) })),
  kejadianMenonjol: z.array(SummaryText),
  prakiraan: z.array(SummaryText),
  saran: z.array(SummaryText),
});
export type KabupatenSummary = z.infer<typeof KabupatenSummary>;
