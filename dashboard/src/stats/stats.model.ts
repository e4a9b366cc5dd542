import { createModel, signal } from "@preact/signals";
import type { StatsSummary, StatsTrend } from "@contract/rollups.ts";
import type { Http } from "@kit/http.ts";
import { statsApiQuery, type StatsFilter } from "./stats-query.ts";

/** One answer of the page: both trends (by bidang, by kecamatan) and the summary, for one filter. */
export interface StatsAnswer {
  /** The URL query it answers, so the page knows a newer filter is still loading. */
  query: string;
  byBidang: StatsTrend;
  byKecamatan: StatsTrend;
  summary: StatsSummary;
}

/**
 * The statistics of the filter the URL names. A newer filter wins over an older answer still on its way
 * (the request counter), so quick clicks through the pickers never end on a stale chart.
 */
export const StatsModel = createModel((http: Http) => {
  const answer = signal<StatsAnswer | null>(null);
  const loading = signal(false);
  const error = signal<unknown>(null);
  let request = 0;

  async function load(filter: StatsFilter, query: string): Promise<void> {
    const mine = ++request;
    loading.value = true;
    try {
      const q = statsApiQuery(filter);
      const [bidang, kecamatan, summary] = await Promise.all([
        http.call("GET /api/stats/trend", { query: { ...q, groupBy: "bidang" } }),
        http.call("GET /api/stats/trend", { query: { ...q, groupBy: "kecamatan" } }),
        http.call("GET /api/stats/summary", { query: q }),
      ]);
      if (mine !== request) return;
      answer.value = { query, byBidang: bidang.data, byKecamatan: kecamatan.data, summary: summary.data };
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  return { answer, loading, error, load };
});
