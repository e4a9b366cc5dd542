import type { Bidang } from "@contract/reports.ts";
import { addDays, witaDay } from "@contract/periods.ts";

/** How far back the public map looks: a number of days, or everything. */
export const RANGES = ["7", "30", "90", "365", "all"] as const;
export type Range = (typeof RANGES)[number];

export interface PublicFilters {
  kecamatan: string | null;
  bidang: Bidang | null;
  range: Range;
}

export const DEFAULT_FILTERS: PublicFilters = { kecamatan: null, bidang: null, range: "90" };
const BIDANG: readonly Bidang[] = ["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"];

/** The filters of a shareable address (`/?kecamatan=63.11.06&bidang=politik&range=30`); anything odd is ignored. */
export function filtersFromSearch(search: string): PublicFilters {
  const q = new URLSearchParams(search);
  const kecamatan = q.get("kecamatan");
  const bidang = q.get("bidang") as Bidang | null;
  const range = q.get("range") as Range | null;
  return {
    kecamatan: kecamatan && /^63\.11\.\d\d$/.test(kecamatan) ? kecamatan : null,
    bidang: bidang && BIDANG.includes(bidang) ? bidang : null,
    range: range && RANGES.includes(range) ? range : DEFAULT_FILTERS.range,
  };
}

/** The address's query for these filters; the defaults are left out, so `/` stays `/`. */
export function searchOf(f: PublicFilters): string {
  const q = new URLSearchParams();
  if (f.kecamatan) q.set("kecamatan", f.kecamatan);
  if (f.bidang) q.set("bidang", f.bidang);
  if (f.range !== DEFAULT_FILTERS.range) q.set("range", f.range);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The API's query for these filters, as of `now` (the range ends today, WITA). */
export function apiQueryOf(f: PublicFilters, now: Date): { kecamatan?: string; bidang?: Bidang; from?: string } {
  return {
    ...(f.kecamatan ? { kecamatan: f.kecamatan } : {}),
    ...(f.bidang ? { bidang: f.bidang } : {}),
    ...(f.range !== "all" ? { from: addDays(witaDay(now), 1 - Number(f.range)) } : {}),
  };
}

/** Whether a publication heard live belongs in the current view. */
export function matches(f: PublicFilters, r: { kecamatanKode: string; bidang: Bidang; day: string }, now: Date): boolean {
  const q = apiQueryOf(f, now);
  return (!q.kecamatan || r.kecamatanKode === q.kecamatan) && (!q.bidang || r.bidang === q.bidang) && (!q.from || r.day >= q.from);
}
