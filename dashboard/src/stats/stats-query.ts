import type { StatsPeriod } from "@contract/rollups.ts";
import type { Bidang, Kerawanan, ReportKind, ReportStatus } from "@contract/reports.ts";
import { BIDANG } from "../sub-categories/bidang.ts";
import { KERAWANAN_LEVELS } from "../map/kerawanan.ts";
import { kindOfKey } from "./periods.ts";

/** Records, so a new value in the contract fails the type check here until the page offers it. */
const STATUS_ORDER: Record<ReportStatus, number> = { submitted: 0, revision_requested: 1, verified: 2, published: 3, rejected: 4 };
const KIND_ORDER: Record<ReportKind, number> = { situation: 0, daily: 1, weekly: 2, monthly: 3 };
const byOrder = <K extends string>(order: Record<K, number>) => (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);

export const STATS_PERIODS: readonly StatsPeriod[] = ["day", "week", "month", "quarter"];
export const REPORT_STATUSES = byOrder(STATUS_ORDER);
export const REPORT_KINDS = byOrder(KIND_ORDER);
export { BIDANG, KERAWANAN_LEVELS };

/** What the statistics page shows: the period granularity, the range and the filters; all in the URL. */
export interface StatsFilter {
  period: StatsPeriod;
  /** A day or a key of `period`; empty: the server's default range (the last 12 periods, 30 days). */
  from: string;
  to: string;
  kecamatan: string[];
  bidang: Bidang[];
  kerawanan: Kerawanan[];
  status: ReportStatus[];
  kind: ReportKind[];
}

export const DEFAULT_FILTER: StatsFilter = { period: "week", from: "", to: "", kecamatan: [], bidang: [], kerawanan: [], status: [], kind: [] };

const LIST_KEYS = ["kecamatan", "bidang", "kerawanan", "status", "kind"] as const;
const KECAMATAN = /^63\.11\.0[1-8]$/;

/** Keep only the known values of a comma-joined list, once each, in the page's own order. */
function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  const wanted = new Set((raw ?? "").split(","));
  return allowed.filter((v) => wanted.has(v));
}

/** A range bound the API takes for this granularity: a day, or a key of the same kind. */
function boundOf(raw: string | null, period: StatsPeriod): string {
  if (!raw) return "";
  const kind = kindOfKey(raw);
  return kind === "day" || kind === period ? raw : "";
}

/**
 * The filter a shared link names. Whatever a hand-edited URL gets wrong is dropped (an unknown bidang, a
 * month where weeks are asked for) rather than sent to fail: the page shows what it can.
 */
export function parseStatsQuery(search: string): StatsFilter {
  const q = new URLSearchParams(search);
  const rawPeriod = q.get("period");
  const period = STATS_PERIODS.includes(rawPeriod as StatsPeriod) ? (rawPeriod as StatsPeriod) : DEFAULT_FILTER.period;
  const kecamatan = [...new Set((q.get("kecamatan") ?? "").split(",").filter((k) => KECAMATAN.test(k)))].sort();
  return {
    period,
    from: boundOf(q.get("from"), period),
    to: boundOf(q.get("to"), period),
    kecamatan,
    bidang: listOf(q.get("bidang"), BIDANG),
    kerawanan: listOf(q.get("kerawanan"), KERAWANAN_LEVELS),
    status: listOf(q.get("status"), REPORT_STATUSES),
    kind: listOf(q.get("kind"), REPORT_KINDS),
  };
}

/** The URL query of a filter (`?period=month&from=…`), defaults left out so links stay short. */
export function statsQueryString(f: StatsFilter): string {
  const q = new URLSearchParams();
  if (f.period !== DEFAULT_FILTER.period) q.set("period", f.period);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  for (const key of LIST_KEYS) if (f[key].length) q.set(key, f[key].join(","));
  const s = q.toString().replace(/%2C/g, ",");
  return s ? `?${s}` : "";
}

/** The API's query for a filter: lists comma-joined (as the contract reads them), empty ones left out. */
export function statsApiQuery(f: StatsFilter) {
  const list = (v: string[]) => (v.length ? v.join(",") : undefined);
  return {
    period: f.period,
    from: f.from || undefined,
    to: f.to || undefined,
    kecamatan: list(f.kecamatan),
    bidang: list(f.bidang),
    kerawanan: list(f.kerawanan),
    status: list(f.status),
    kind: list(f.kind),
  };
}
