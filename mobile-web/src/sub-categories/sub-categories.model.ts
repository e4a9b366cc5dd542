import { createModel, signal } from "@preact/signals";
import type { SubCategoryView } from "@contract/reports.ts";
import { apiCall } from "../api/http.ts";
import { isObject, readJson, writeJson } from "../storage/local.ts";
import { parseSubCategories } from "./list.ts";

const CACHE_KEY = "sikanda.subCategories";

interface CachedList {
  items: SubCategoryView[];
  /** Epoch ms of the server's answer. */
  at: number;
}

const isCachedList = (v: unknown): v is CachedList => isObject(v) && typeof v.at === "number" && parseSubCategories(v.items) !== null;

/**
 * The situation form's sub-categories as admins keep them on the server (`GET /api/sub-categories`,
 * public), with the last answer kept in localStorage (a few hundred bytes) for offline use. `list` is null
 * until this phone has ever had an answer; the form then offers the contract's defaults.
 */
export const SubCategoriesModel = createModel(() => {
  const cached = readJson(CACHE_KEY, isCachedList);
  /** The server's list, retired ones included (they stay valid for reports being fixed); null: never fetched. */
  const list = signal<SubCategoryView[] | null>(cached?.items ?? null);
  const fetchedAt = signal<number | null>(cached?.at ?? null);
  let loading: Promise<void> | null = null;

  async function fetchList(): Promise<void> {
    const r = await apiCall("GET /api/sub-categories", {}, { timeoutMs: 15_000 });
    const items = r.ok ? parseSubCategories(r.data?.data) : null;
    if (!items) return; // offline or no usable answer: keep what we have
    // An unchanged list must not re-render an open form under the officer's thumb.
    if (JSON.stringify(items) !== JSON.stringify(list.value)) list.value = items;
    fetchedAt.value = Date.now();
    writeJson(CACHE_KEY, { items, at: fetchedAt.value } satisfies CachedList);
  }

  /** Fetch the current list; idempotent while running, and safe to call offline (it just keeps the cache). */
  function load(): Promise<void> {
    loading ??= fetchList().finally(() => (loading = null));
    return loading;
  }

  return { list, fetchedAt, load };
});

export type SubCategories = InstanceType<typeof SubCategoriesModel>;
