import { createModel, signal } from "@preact/signals";
import type { Scorecard, ScorecardDrilldown } from "@contract/duties.ts";
import type { Http } from "@kit/http.ts";

/** A request that a newer one may overtake: only the latest answer (or failure) is kept. */
function latest<Q, T>(fetch: (q: Q) => Promise<T>) {
  const data = signal<T | null>(null);
  const loading = signal(false);
  const error = signal<unknown>(null);
  let request = 0;
  async function load(q: Q): Promise<void> {
    const mine = ++request;
    loading.value = true;
    try {
      const answer = await fetch(q);
      if (mine !== request) return;
      data.value = answer;
      error.value = null;
    } catch (err) {
      if (mine === request) error.value = err;
    } finally {
      if (mine === request) loading.value = false;
    }
  }
  function clear() {
    request++;
    data.value = null;
    error.value = null;
    loading.value = false;
  }
  return { data, loading, error, load, clear };
}

/** The scorecard of a period (per officer and kecamatan) and one officer's drill-down. */
export const ScorecardModel = createModel((http: Http) => {
  const card = latest(async (q: { period: string; kecamatan: string }) => {
    const query = { period: q.period, kecamatan: q.kecamatan || undefined };
    return (await http.call("GET /api/duties/scorecard", { query })).data satisfies Scorecard;
  });
  const drill = latest(async (q: { officerId: string; period: string }) => {
    const answer = await http.call("GET /api/duties/scorecard/:officerId/reports", { params: { officerId: q.officerId }, query: { period: q.period } });
    return answer.data satisfies ScorecardDrilldown;
  });
  return { card, drill };
});
