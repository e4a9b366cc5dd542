import { describe, expect, it } from "vitest";
import type { StatsSummary, StatsSummaryRow, StatsTrend } from "@contract/rollups.ts";
import { formatDuration } from "./duration.ts";
import { summaryTable } from "./summary-rows.ts";
import { axisSplits, isEmptyTrend, SERIES_COLORS, trendChart, trendTable, verifyChart, verifyTable, type Labels } from "./trend-series.ts";

const trend = (over: Partial<StatsTrend> = {}): StatsTrend => ({
  period: "month",
  from: "2021-04",
  to: "2021-06",
  groupBy: "bidang",
  periods: ["2021-04", "2021-05", "2021-06"],
  x: [1617206400, 1619798400, 1622476800],
  total: [3, 0, 5],
  series: [
    { key: null, values: [1, 0, 0] },
    { key: "politik", values: [2, 0, 1] },
    { key: "ekonomi", values: [0, 0, 4] },
  ],
  verify: { n: [2, 0, 1], medianSeconds: [90, null, 3600], p90Seconds: [150, null, 3600] },
  ...over,
});

const labels: Labels = { series: (k) => (k === null ? "Berkala" : k.toUpperCase()), period: (k, short) => (short ? `s${k}` : `long ${k}`), total: "Jumlah" };
const BIDANG_ORDER = ["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"];

describe("trend answers as uPlot data", () => {
  it("aligns one array per series with the x values, in the page's order with periodic reports last", () => {
    const chart = trendChart(trend(), labels, BIDANG_ORDER);
    expect(chart.data).toEqual([
      [1617206400, 1619798400, 1622476800],
      [2, 0, 1],
      [0, 0, 4],
      [1, 0, 0],
    ]);
    expect(chart.series.map((s) => s.label)).toEqual(["POLITIK", "EKONOMI", "Berkala"]);
    expect(chart.xLabels).toEqual(["s2021-04", "s2021-05", "s2021-06"]);
  });

  it("gives a bidang the same colour whatever else is in the answer", () => {
    const alone = trendChart(trend({ series: [{ key: "ekonomi", values: [0, 0, 4] }] }), labels, BIDANG_ORDER);
    const withOthers = trendChart(trend(), labels, BIDANG_ORDER);
    expect(alone.series[0]!.color).toBe(SERIES_COLORS[2]);
    expect(withOthers.series.find((s) => s.key === "ekonomi")!.color).toBe(SERIES_COLORS[2]);
  });

  it("draws the total alone for an answer not split", () => {
    const chart = trendChart(trend({ groupBy: "none", series: [] }), labels);
    expect(chart.data).toEqual([[1617206400, 1619798400, 1622476800], [3, 0, 5]]);
    expect(chart.series.map((s) => s.label)).toEqual(["Jumlah"]);
  });
});

describe("the table beneath a chart", () => {
  it("holds the chart's numbers per period, the total last, and the column sums in the foot", () => {
    const table = trendTable(trend(), labels, BIDANG_ORDER);
    expect(table.columns).toEqual(["POLITIK", "EKONOMI", "Berkala", "Jumlah"]);
    expect(table.rows).toEqual([
      { key: "2021-04", label: "long 2021-04", cells: [2, 0, 1, 3] },
      { key: "2021-05", label: "long 2021-05", cells: [0, 0, 0, 0] },
      { key: "2021-06", label: "long 2021-06", cells: [1, 4, 0, 5] },
    ]);
    expect(table.totals).toEqual([3, 4, 1, 8]);
    // Every row adds up to its total: the chart's series and the table say the same.
    for (const row of table.rows) expect(row.cells.slice(0, -1).reduce((a, b) => a! + b!, 0)).toBe(row.cells.at(-1));
  });

  it("lists time to verify per period in seconds, with gaps where nothing was verified", () => {
    const vl = { n: "n", median: "Median", p90: "P90", period: labels.period };
    expect(verifyTable(trend(), vl).rows.map((r) => r.cells)).toEqual([
      [2, 90, 150],
      [0, null, null],
      [1, 3600, 3600],
    ]);
    expect(verifyChart(trend(), vl).data.slice(1)).toEqual([
      [1.5, null, 60],
      [2.5, null, 60],
    ]);
  });

  it("knows an answer with nothing in it", () => {
    expect(isEmptyTrend(trend())).toBe(false);
    expect(isEmptyTrend(trend({ total: [0, 0, 0], series: [], verify: { n: [0, 0, 0], medianSeconds: [null, null, null], p90Seconds: [null, null, null] } }))).toBe(true);
  });
});

describe("the summary per kecamatan", () => {
  const row = (kecamatanKode: string | null, bidang: string | null, total: number, medianSeconds: number | null): StatsSummaryRow => ({
    kecamatanKode,
    bidang,
    total,
    byStatus: { verified: 1, published: 1, rejected: 1, submitted: total - 3 },
    byKerawanan: { tinggi: 1, sangat_tinggi: 1, rendah: total - 2 },
    byKind: { situation: total },
    verify: { n: 2, medianSeconds, p90Seconds: medianSeconds },
  });
  const summary: StatsSummary = {
    period: "month",
    from: "2021-04",
    to: "2021-06",
    rows: [row("63.11.01", "politik", 4, 60), row("63.11.01", null, 5, 60), row("63.11.02", null, 7, 600), row(null, "politik", 4, 60), row(null, null, 12, 300)],
  };

  it("has a row per kecamatan over every bidang and the whole answer in the foot, medians from the server", () => {
    const table = summaryTable(summary, { kecamatan: (k) => `Kec ${k}`, columns: { total: "T", verified: "V", rejected: "R", open: "O", high: "H", median: "M", p90: "P" } });
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ["Kec 63.11.01", 5, 2, 1, 2, 2, 60, 60],
      ["Kec 63.11.02", 7, 2, 1, 4, 2, 600, 600],
    ]);
    expect(table.totals).toEqual([12, 2, 1, 9, 2, 300, 300]);
  });
});

describe("axis labels", () => {
  it("names every period when they fit, else every k-th ending on the latest", () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    expect(axisSplits(x.slice(0, 5), 1000)).toEqual([0, 1, 2, 3, 4]);
    const thin = axisSplits(x, 320);
    expect(thin.at(-1)).toBe(29);
    expect(thin.length).toBeLessThanOrEqual(5);
  });
});

describe("durations", () => {
  it("reads seconds as at most two units, in either language", () => {
    expect(formatDuration(45, "id")).toBe("45 dtk");
    expect(formatDuration(12 * 60 + 10, "id")).toBe("12 mnt");
    expect(formatDuration(3 * 3600 + 20 * 60, "id")).toBe("3 j 20 mnt");
    expect(formatDuration(2 * 86400 + 4 * 3600, "en")).toBe("2 d 4 h");
    expect(formatDuration(null, "en")).toBe("—");
  });
});
