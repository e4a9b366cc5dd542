import { createModel, signal } from "@preact/signals";
import type { KabupatenSummary } from "@contract/kabupaten-summary.ts";
import type { Http } from "@kit/http.ts";

/** The kabupaten monthly summary of one month, as the server compiles it; the latest request wins. */
export const MonthlySummaryModel = createModel((http: Http) => {
  const summary = signal<KabupatenSummary | null>(null);
  const loading = signal(false);
  const error = signal<unknown>(null);
  let request = 0;

  async function load(month: string, includeUnverified: boolean) {
    const mine = ++request;
    loading.value = true;
    try {
      const { data } = await http.call("GET /api/periodic/kabupaten-summary", { query: { month, includeUnverified: includeUnverified ? "true" : undefined } });
      if (mine !== request) return;
      summary.value = data;
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  return { summary, loading, error, load };
});
