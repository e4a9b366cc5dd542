import { computed, createModel, signal } from "@preact/signals";
import type { PublicKecamatanSummary, PublicMap, PublicMapPoint, PublicReport } from "@contract/public-reports.ts";
import type { Http } from "@kit/http.ts";
import { apiQueryOf, DEFAULT_FILTERS, matches, type PublicFilters } from "./filters.ts";

const LIST_PAGE = 20;
/** After live changes, the map is read again a moment after the last one: points and counts as the server has them. */
const RECOUNT_MS = 1_000;

/** A live publication as the map and list need it. */
const pointOf = (r: PublicReport): PublicMapPoint => ({ id: r.id, title: r.title, bidang: r.bidang, kerawanan: r.kerawanan, day: r.day, location: r.location, kecamatanKode: r.kecamatan.kode });

/**
 * The public situation map's data: the published points for the filters, the per-kecamatan summary, and
 * a list paged by the server's cursor. Live publications and withdrawals are applied as they are heard
 * (public-live.ts); the map is then read again, so points and counts never drift from the server's.
 */
export const PublicMapModel = createModel((http: Http, now: () => Date = () => new Date()) => {
  const filters = signal<PublicFilters>(DEFAULT_FILTERS);
  const points = signal<PublicMapPoint[]>([]);
  const truncated = signal(false);
  const summary = signal<PublicKecamatanSummary[]>([]);
  const list = signal<PublicReport[]>([]);
  const next = signal<string | null>(null);
  const loading = signal(false);
  const loadingMore = signal(false);
  const error = signal(false);
  /** The latest publication heard live, for the screen-reader announcement and the flash on the map. */
  const fresh = signal<PublicReport | null>(null);
  const total = computed(() => summary.value.reduce((n, s) => n + s.total, 0));
  let generation = 0;
  let recount: ReturnType<typeof setTimeout> | undefined;

  function applyMap(map: PublicMap): void {
    points.value = map.points;
    truncated.value = map.truncated;
    summary.value = map.summary;
  }

  async function load(f: PublicFilters = filters.value): Promise<void> {
    filters.value = f;
    const mine = ++generation;
    loading.value = true;
    const query = apiQueryOf(f, now());
    const [map, page] = await Promise.all([http.send("GET /api/public/map", { query }), http.send("GET /api/public/reports", { query: { ...query, limit: LIST_PAGE } })]);
    if (mine !== generation) return; // a newer filter won
    loading.value = false;
    error.value = !map.ok || !page.ok;
    if (map.ok) applyMap(map.data.data);
    if (page.ok) {
      list.value = page.data.data;
      next.value = page.data.page.next;
    }
  }

  async function loadMore(): Promise<void> {
    if (!next.value || loadingMore.value) return;
    const mine = generation;
    loadingMore.value = true;
    const page = await http.send("GET /api/public/reports", { query: { ...apiQueryOf(filters.value, now()), limit: LIST_PAGE, cursor: next.value } });
    loadingMore.value = false;
    if (mine !== generation) return;
    if (!page.ok) {
      error.value = true;
      return;
    }
    const known = new Set(list.value.map((r) => r.id));
    list.value = [...list.value, ...page.data.data.filter((r) => !known.has(r.id))];
    next.value = page.data.page.next;
  }

  function scheduleRecount() {
    clearTimeout(recount);
    recount = setTimeout(() => {
      const mine = generation;
      void http.send("GET /api/public/map", { query: apiQueryOf(filters.value, now()) }).then((map) => {
        if (map.ok && mine === generation) applyMap(map.data.data);
      });
    }, RECOUNT_MS);
  }

  /** Heard live: a publication (new, or its public shape changed when published again). */
  function published(report: PublicReport): void {
    withdrawn(report.id, false);
    if (!matches(filters.value, { kecamatanKode: report.kecamatan.kode, bidang: report.bidang, day: report.day }, now())) return;
    points.value = [pointOf(report), ...points.value];
    list.value = [report, ...list.value].sort((a, b) => (a.day === b.day ? b.publishedAt.localeCompare(a.publishedAt) : b.day.localeCompare(a.day)));
    fresh.value = report;
    scheduleRecount();
  }

  /** Heard live: withdrawn from public view; gone from the map, the list and the detail at once. */
  function withdrawn(id: string, recountAfter = true): void {
    const had = points.value.some((p) => p.id === id) || list.value.some((r) => r.id === id);
    points.value = points.value.filter((p) => p.id !== id);
    list.value = list.value.filter((r) => r.id !== id);
    if (fresh.value?.id === id) fresh.value = null;
    if (had && recountAfter) scheduleRecount();
  }

  return { filters, points, truncated, summary, total, list, next, loading, loadingMore, error, fresh, load, loadMore, published, withdrawn, reload: () => load() };
});

export type PublicMapModel = InstanceType<typeof PublicMapModel>;
