import type { StatsTrend } from "@contract/rollups.ts";

/**
 * The statistics API's trend answer turned into what a uPlot chart draws and the table beneath it lists —
 * the same numbers in both, from one place. Pure: no DOM, no uPlot, so it is tested on its own.
 */

/** Ten colours apart enough to tell series from each other (Tableau 10); the dash patterns tell them apart without colour. */
export const SERIES_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

export interface ChartSeries {
  /** The API's key: a bidang, a kecamatan code…; null: periodic reports, which have no bidang. */
  key: string | null;
  label: string;
  color: string;
  dash: number[];
}

export interface TrendChart {
  /** uPlot's data: the x values (period starts, Unix seconds), then one array per series, aligned. */
  data: [number[], ...(number | null)[][]];
  series: ChartSeries[];
  /** Each x value's period as the axis shows it. */
  xLabels: string[];
}

export interface TableRow {
  /** What the row stands for: a period key, a kecamatan code. */
  key: string;
  label: string;
  cells: (number | null)[];
}

export interface TrendTable {
  columns: string[];
  rows: TableRow[];
  /** The column totals, for the table's foot; null where a column does not add up (medians). */
  totals: (number | null)[] | null;
}

export interface Labels {
  /** A series key as a person reads it (a bidang's name, a kecamatan's name). */
  series: (key: string | null) => string;
  /** A period key, long ("M48 · 23–29 Nov 2026") or short for the axis ("M48"). */
  period: (key: string, short: boolean) => string;
  /** The total column's title. */
  total: string;
}

/**
 * Series in the page's order (`order`: known keys first, as listed; others after, by key; null last), so
 * a bidang or a kecamatan keeps its colour from one view to the next.
 */
function ordered(series: StatsTrend["series"], order: readonly string[]) {
  const rank = (key: string | null) => (key === null ? Infinity : order.includes(key) ? order.indexOf(key) : order.length);
  return [...series].sort((a, b) => rank(a.key) - rank(b.key) || (a.key ?? "").localeCompare(b.key ?? ""));
}

/** The chart of a trend split by a dimension: one line per value seen; the total alone when not split. */
export function trendChart(trend: StatsTrend, labels: Labels, order: readonly string[] = []): TrendChart {
  const split = trend.groupBy !== "none" && trend.series.length > 0;
  const lines = split ? ordered(trend.series, order) : [{ key: null, values: trend.total }];
  const colorOf = (key: string | null, i: number) => {
    const at = key !== null && order.includes(key) ? order.indexOf(key) : i;
    return { color: SERIES_COLORS[at % SERIES_COLORS.length]!, dash: DASHES[Math.floor(at / SERIES_COLORS.length) % DASHES.length]! };
  };
  return {
    data: [trend.x, ...lines.map((s) => s.values)],
    series: lines.map((s, i) => ({ key: s.key, label: split ? labels.series(s.key) : labels.total, ...colorOf(s.key, i) })),
    xLabels: trend.periods.map((p) => labels.period(p, true)),
  };
}

/** The table beneath a trend chart: a row per period, a column per series and the total; column sums in the foot. */
export function trendTable(trend: StatsTrend, labels: Labels, order: readonly string[] = []): TrendTable {
  const split = trend.groupBy !== "none" ? ordered(trend.series, order) : [];
  const rows = trend.periods.map((period, i) => ({
    key: period,
    label: labels.period(period, false),
    cells: [...split.map((s) => s.values[i] ?? 0), trend.total[i] ?? 0],
  }));
  const totals = [...split.map((s) => sum(s.values)), sum(trend.total)];
  return { columns: [...split.map((s) => labels.series(s.key)), labels.total], rows, totals };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Time-to-verify per period as a chart in minutes (median and p90; gaps where nothing was verified). */
export function verifyChart(trend: StatsTrend, labels: { median: string; p90: string; period: Labels["period"] }): TrendChart {
  const minutes = (xs: (number | null)[]) => xs.map((s) => (s === null ? null : Math.round((s / 60) * 10) / 10));
  return {
    data: [trend.x, minutes(trend.verify.medianSeconds), minutes(trend.verify.p90Seconds)],
    series: [
      { key: "median", label: labels.median, color: SERIES_COLORS[0]!, dash: [] },
      { key: "p90", label: labels.p90, color: SERIES_COLORS[3]!, dash: DASHES[1]! },
    ],
    xLabels: trend.periods.map((p) => labels.period(p, true)),
  };
}

/** Its table: per period the reports verified, the median and the p90 (seconds; null: none verified). */
export function verifyTable(trend: StatsTrend, labels: { n: string; median: string; p90: string; period: Labels["period"] }): TrendTable {
  const v = trend.verify;
  return {
    columns: [labels.n, labels.median, labels.p90],
    rows: trend.periods.map((period, i) => ({ key: period, label: labels.period(period, false), cells: [v.n[i] ?? 0, v.medianSeconds[i] ?? null, v.p90Seconds[i] ?? null] })),
    totals: null,
  };
}

/** Whether a trend holds nothing at all (the page then says so instead of drawing flat lines). */
export const isEmptyTrend = (trend: StatsTrend): boolean => trend.total.every((n) => n === 0) && trend.verify.n.every((n) => n === 0);

/**
 * Which x values get a label on an axis `width` pixels wide: every period when they fit (about 64 px each),
 * else every k-th, counted back from the latest so the newest period is always named.
 */
export function axisSplits(x: number[], width: number, minGap = 64): number[] {
  const fit = Math.max(1, Math.floor(width / minGap));
  const step = Math.max(1, Math.ceil(x.length / fit));
  return x.filter((_, i) => (x.length - 1 - i) % step === 0);
}
