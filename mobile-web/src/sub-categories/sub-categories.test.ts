import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SUB_CATEGORIES, type SubCategoryView } from "@contract/reports.ts";
import { subCategoryNames } from "./choices.ts";
import { SubCategoriesModel } from "./sub-categories.model.ts";

const sc = (id: number, bidang: SubCategoryView["bidang"], name: string, sort: number, active = true): SubCategoryView => ({ id, bidang, name, sort, active });

const SERVER_LIST = [
  sc(1, "politik", "unjuk rasa", 1),
  sc(2, "politik", "pilkada/pilkades", 0),
  sc(3, "politik", "ormas", 1, false), // retired
  sc(4, "politik", "kampanye hitam", 1), // same sort as "unjuk rasa": by name
  sc(5, "ekonomi", "sembako", 0),
];

/** localStorage as a Map, so the cache can be inspected and carried to the next "start" of the app. */
function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

const online = (body: unknown) => vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })));
const offline = () => vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal("localStorage", storage);
});
afterEach(() => vi.unstubAllGlobals());

describe("sub-categories on the phone", () => {
  it("fetches the list, offers only active ones by sort then name, and caches it", async () => {
    online({ data: SERVER_LIST });
    const model = new SubCategoriesModel();
    expect(model.list.value).toBeNull();
    await model.load();
    expect(fetch).toHaveBeenCalledWith("/api/sub-categories", expect.anything());
    expect(subCategoryNames(model.list.value, "politik")).toEqual(["pilkada/pilkades", "kampanye hitam", "unjuk rasa"]);
    expect(subCategoryNames(model.list.value, "ideologi")).toEqual([]);
    expect(storage.data.has("sikanda.subCategories")).toBe(true);
  });

  it("offline, offers the cached list from the last time there was signal", async () => {
    online({ data: SERVER_LIST });
    await new SubCategoriesModel().load();
    offline();
    const restarted = new SubCategoriesModel(); // the app opened again without signal
    await restarted.load();
    expect(subCategoryNames(restarted.list.value, "politik")).toEqual(["pilkada/pilkades", "kampanye hitam", "unjuk rasa"]);
  });

  it("falls back to the contract's defaults on a phone that never had the list", async () => {
    offline();
    const model = new SubCategoriesModel();
    await model.load();
    expect(model.list.value).toBeNull();
    expect(subCategoryNames(model.list.value, "politik")).toEqual(DEFAULT_SUB_CATEGORIES.politik);
    expect(subCategoryNames(model.list.value, "")).toEqual([]);
  });

  it("ignores an answer that is not the list and keeps the cache", async () => {
    online({ data: SERVER_LIST });
    await new SubCategoriesModel().load();
    online({ data: [{ id: "x" }] });
    const model = new SubCategoriesModel();
    await model.load();
    expect(model.list.value).toEqual(SERVER_LIST);
    expect(new SubCategoriesModel().list.value).toEqual(SERVER_LIST);
  });

  it("picks up an admin's change on the next fetch", async () => {
    online({ data: SERVER_LIST });
    const model = new SubCategoriesModel();
    await model.load();
    online({ data: [...SERVER_LIST.filter((c) => c.id !== 1), sc(1, "politik", "unjuk rasa", 1, false), sc(9, "politik", "golput", 5)] });
    await model.load();
    expect(subCategoryNames(model.list.value, "politik")).toEqual(["pilkada/pilkades", "kampanye hitam", "golput"]);
  });

  it("keeps a refused report's sub-category when the server still accepts it, drops it when unknown", () => {
    // Retired: still accepted at intake, so fixing another field must not force a new choice.
    expect(subCategoryNames(SERVER_LIST, "politik", "ormas")).toEqual(["pilkada/pilkades", "kampanye hitam", "unjuk rasa", "ormas"]);
    // Unknown (the reason it was refused): not offered, the officer picks a valid one.
    expect(subCategoryNames(SERVER_LIST, "politik", "lainnya")).not.toContain("lainnya");
    // Without the server's list we cannot tell: keep it.
    expect(subCategoryNames(null, "politik", "ormas baru")).toEqual([...DEFAULT_SUB_CATEGORIES.politik, "ormas baru"]);
  });
});
