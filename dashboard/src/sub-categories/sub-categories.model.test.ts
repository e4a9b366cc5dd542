import { describe, expect, it } from "vitest";
import type { SubCategoryView } from "@contract/reports.ts";
import { ApiError } from "@kit/api-error.ts";
import { createHttp } from "@kit/http.ts";
import { groupByBidang, reorderPatches, SubCategoriesModel } from "./sub-categories.model.ts";

const sc = (id: number, bidang: SubCategoryView["bidang"], name: string, sort: number, active = true): SubCategoryView => ({ id, bidang, name, sort, active });

/** The server's sub-category routes behind plain fetch, with its 409 and 400 answers. */
function fakeServer(initial: SubCategoryView[]) {
  const rows = new Map(initial.map((c) => [c.id, { ...c }]));
  const requests: { method: string; path: string; body?: unknown }[] = [];
  const json = (status: number, body: unknown) => Response.json(body, { status });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = String(input);
    const method = init?.method ?? "GET";
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    requests.push({ method, path, ...(body ? { body } : {}) });
    if (method === "GET" && path === "/api/sub-categories") return json(200, { data: [...rows.values()] });
    if (method === "POST" && path === "/api/sub-categories") {
      const name = String(body?.name ?? "").trim();
      if (!name) return json(400, { error: { code: "invalid_input", message: "Input is not valid", fields: { name: "required" } } });
      if ([...rows.values()].some((c) => c.bidang === body?.bidang && c.name === name))
        return json(409, { error: { code: "conflict", message: "This sub-category already exists for that bidang" } });
      const created = sc(Math.max(0, ...rows.keys()) + 1, body!.bidang as SubCategoryView["bidang"], name, Number(body?.sort ?? 0));
      rows.set(created.id, created);
      return json(201, { data: created });
    }
    const id = Number(/^\/api\/sub-categories\/(\d+)$/.exec(path)?.[1]);
    const row = rows.get(id);
    if (method === "PATCH" && row) {
      Object.assign(row, body);
      return json(200, { data: { ...row } });
    }
    return json(404, { error: { code: "not_found", message: "Sub-category not found" } });
  };
  return { http: createHttp({ fetch }), requests, rows };
}

const names = (list: SubCategoryView[]) => list.map((c) => c.name);

describe("sub-categories model", () => {
  it("groups the list by the five bidang in form order, retired ones in place", async () => {
    const { http } = fakeServer([
      sc(1, "politik", "unjuk rasa", 1),
      sc(2, "politik", "pilkada", 0),
      sc(3, "politik", "ormas", 1, false),
      sc(4, "ekonomi", "sembako", 0),
    ]);
    const model = new SubCategoriesModel(http);
    await model.load();
    const groups = model.groups.value;
    expect(Object.keys(groups)).toEqual(["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"]);
    expect(names(groups.politik)).toEqual(["pilkada", "ormas", "unjuk rasa"]); // sort, then name
    expect(groups.politik.find((c) => c.name === "ormas")?.active).toBe(false);
    expect(groups.ideologi).toEqual([]);
    expect(model.error.value).toBeNull();
  });

  it("adds a sub-category at the end of its bidang", async () => {
    const { http, requests } = fakeServer([sc(1, "politik", "pilkada", 0), sc(2, "politik", "ormas", 4)]);
    const model = new SubCategoriesModel(http);
    await model.load();
    const added = await model.create({ bidang: "politik", name: "  kampanye hitam " });
    expect(requests.at(-1)).toEqual({ method: "POST", path: "/api/sub-categories", body: { bidang: "politik", name: "kampanye hitam", sort: 5 } });
    expect(added).toMatchObject({ bidang: "politik", name: "kampanye hitam", sort: 5, active: true });
    expect(names(model.groups.value.politik)).toEqual(["pilkada", "ormas", "kampanye hitam"]);
    await model.create({ bidang: "ideologi", name: "radikalisme" });
    expect(requests.at(-1)?.body).toMatchObject({ sort: 0 });
  });

  it("surfaces a duplicate name as conflict and an empty one as a field error, changing nothing", async () => {
    const { http } = fakeServer([sc(1, "politik", "ormas", 0)]);
    const model = new SubCategoriesModel(http);
    await model.load();
    const dup = await model.create({ bidang: "politik", name: "ormas" }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ApiError);
    expect((dup as ApiError).code).toBe("conflict");
    const empty = await model.create({ bidang: "politik", name: " " }).catch((e: unknown) => e);
    expect((empty as ApiError).fields).toEqual({ name: "required" });
    expect(model.items.value).toHaveLength(1);
  });

  it("renames, retires and restores with PATCH and shows the server's answer", async () => {
    const { http, requests } = fakeServer([sc(7, "sosial-budaya", "narkoba", 0)]);
    const model = new SubCategoriesModel(http);
    await model.load();
    await model.rename(7, " narkotika ");
    expect(requests.at(-1)).toEqual({ method: "PATCH", path: "/api/sub-categories/7", body: { name: "narkotika" } });
    await model.setActive(7, false);
    expect(requests.at(-1)?.body).toEqual({ active: false });
    expect(model.items.value[0]).toMatchObject({ name: "narkotika", active: false });
    await model.setActive(7, true);
    expect(model.items.value[0]?.active).toBe(true);
    await model.setSort(7, 12);
    expect(model.items.value[0]?.sort).toBe(12);
  });

  it("moves one place up or down by swapping sort numbers with its neighbour", async () => {
    const { http, requests, rows } = fakeServer([sc(1, "politik", "a", 0), sc(2, "politik", "b", 1), sc(3, "politik", "c", 2), sc(9, "ekonomi", "x", 0)]);
    const model = new SubCategoriesModel(http);
    await model.load();
    requests.length = 0;
    await model.move(3, -1);
    expect(requests.map((r) => `${r.path} ${JSON.stringify(r.body)}`)).toEqual(['/api/sub-categories/3 {"sort":1}', '/api/sub-categories/2 {"sort":2}']);
    expect(names(model.groups.value.politik)).toEqual(["a", "c", "b"]);
    expect(rows.get(9)?.sort).toBe(0); // other bidang untouched
    requests.length = 0;
    await model.move(1, -1); // already first
    expect(requests).toEqual([]);
  });

  it("straightens equal sort numbers when reordering", () => {
    const group = [sc(1, "politik", "b", 0), sc(2, "politik", "a", 0), sc(3, "politik", "c", 0)];
    // Form order today: a, b, c (equal numbers, by name). Moving c up gives a, c, b.
    expect(reorderPatches(group, 3, -1)).toEqual([
      { id: 3, sort: 1 },
      { id: 1, sort: 2 },
    ]);
    expect(reorderPatches(group, 2, 1)).toEqual([{ id: 2, sort: 1 }, { id: 3, sort: 2 }]);
    expect(reorderPatches(group, 3, 1)).toEqual([]);
    expect(names(groupByBidang(group).politik)).toEqual(["a", "b", "c"]);
  });

  it("keeps the error of a failed load", async () => {
    const model = new SubCategoriesModel(createHttp({ fetch: async () => Promise.reject(new TypeError("Failed to fetch")) }));
    await model.load();
    expect((model.error.value as ApiError).code).toBe("network");
    expect(model.loading.value).toBe(false);
  });
});
