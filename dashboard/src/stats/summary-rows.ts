import type { StatsSummary, StatsSummaryRow } from "@contract/rollups.ts";
import type { TrendTable } from "./trend-series.ts";

export interface SummaryLabels {
  kecamatan: (kode: string) => string;
  columns: { total: string; verified: string; rejected: string; open: string; high: string; median: string; p90: string };
}

/** Columns 5 and 6 hold seconds (time to verify); the others counts. */
export const SUMMARY_DURATION_COLUMNS = [5, 6];

const count = (rec: Record<string, number>, ...keys: string[]) => keys.reduce((n, k) => n + (rec[k] ?? 0), 0);

function cellsOf(r: StatsSummaryRow): (number | null)[] {
  return [
    r.total,
    count(r.byStatus, "verified", "published"),
    count(r.byStatus, "rejected"),
    count(r.byStatus, "submitted", "revision_requested"),
    count(r.byKerawanan, "tinggi", "sangat_tinggi"),
    r.verify.medianSeconds,
    r.verify.p90Seconds,
  ];
}

/**
 * The summary answer as a table per kecamatan (its rows over every bidang), with the whole answer's row
 * in the foot: its time-to-verify comes from the summed histograms, not from adding medians.
 */
export function summaryTable(summary: StatsSummary, labels: SummaryLabels): TrendTable {
  const perKecamatan = summary.rows.filter((r) => r.kecamatanKode !== null && r.bidang === null);
  const overall = summary.rows.find((r) => r.kecamatanKode === null && r.bidang === null);
  const c = labels.columns;
  return {
    columns: [c.total, c.verified, c.rejected, c.open, c.high, c.median, c.p90],
    rows: perKecamatan.map((r) => ({ key: r.kecamatanKode!, label: labels.kecamatan(r.kecamatanKode!), cells: cellsOf(r) })),
    totals: overall ? cellsOf(overall) : null,
  };
}
