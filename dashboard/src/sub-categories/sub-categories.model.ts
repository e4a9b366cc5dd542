import { computed, createModel, signal } from "@preact/signals";
import type { Bidang, SubCategoryView } from "@contract/reports.ts";
import type { Http } from "@kit/http.ts";
import { BIDANG } from "./bidang.ts";


/** The form's order: `sort`, then name (as the server lists them and the officer app offers them). */
export const bySortThenName = (a: SubCategoryView, b: SubCategoryView) => a.sort - b.sort || a.name.localeCompare(b.name, "id");

/** Every bidang with its sub-categories in form order, retired ones included (they stay in place, greyed). */
export function groupByBidang(list: readonly SubCategoryView[]): Record<Bidang, SubCategoryView[]> {
  const groups = Object.fromEntries(BIDANG.map((b) => [b, [] as SubCategoryView[]])) as Record<Bidang, SubCategoryView[]>;
  for (const c of list) groups[c.bidang]?.push(c);
  for (const b of BIDANG) groups[b].sort(bySortThenName);
  return groups;
}

/** A new sub-category goes last in its bidang unless the admin gave a number. */
export const nextSort = (group: readonly SubCategoryView[]) => (group.length ? Math.max(...group.map((c) => c.sort)) + 1 : 0);

/**
 * The sort numbers that put `id` one place up (-1) or down (+1) within its bidang: the group renumbered
 * 0..n-1 in the new order, keeping only the changes, so a swap of neighbours is two requests and equal
 * numbers (a sub-category added with the default 0) are straightened out on the way.
 */
export function reorderPatches(group: readonly SubCategoryView[], id: number, delta: -1 | 1): { id: number; sort: number }[] {
  const order = [...group].sort(bySortThenName);
  const from = order.findIndex((c) => c.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order.flatMap((c, sort) => (c.sort === sort ? [] : [{ id: c.id, sort }]));
}

/**
 * Sub-category administration (admins): the report form's list per bidang, and add / rename / reorder /
 * retire / restore. Retiring never deletes: reports filed under a retired name stay valid and the server
 * still accepts it from phones with an older list.
 */
export const SubCategoriesModel = createModel((http: Http) => {
  const items = signal<SubCategoryView[]>([]);
  const loading = signal(false);
  const error = signal<unknown>(null);
  const groups = computed(() => groupByBidang(items.value));

  async function load() {
    loading.value = true;
    try {
      items.value = (await http.call("GET /api/sub-categories", {})).data;
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  function put(c: SubCategoryView) {
    items.value = items.value.some((x) => x.id === c.id) ? items.value.map((x) => (x.id === c.id ? c : x)) : [...items.value, c];
  }

  async function create(input: { bidang: Bidang; name: string; sort?: number }): Promise<SubCategoryView> {
    const sort = input.sort ?? nextSort(groups.value[input.bidang]);
    const { data } = await http.call("POST /api/sub-categories", { body: { bidang: input.bidang, name: input.name.trim(), sort } });
    put(data);
    return data;
  }

  async function update(id: number, patch: { name?: string; active?: boolean; sort?: number }): Promise<SubCategoryView> {
    const { data } = await http.call("PATCH /api/sub-categories/:id", { params: { id }, body: patch });
    put(data);
    return data;
  }

  const rename = (id: number, name: string) => update(id, { name: name.trim() });
  const setActive = (id: number, active: boolean) => update(id, { active });
  const setSort = (id: number, sort: number) => update(id, { sort });

  /** One place up or down within the bidang. */
  async function move(id: number, delta: -1 | 1): Promise<void> {
    const c = items.value.find((x) => x.id === id);
    if (!c) return;
    for (const p of reorderPatches(groups.value[c.bidang], id, delta)) await update(p.id, { sort: p.sort });
  }

  return { items, groups, loading, error, load, create, rename, setActive, setSort, move };
});

export type SubCategories = InstanceType<typeof SubCategoriesModel>;
