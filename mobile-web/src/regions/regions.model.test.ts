import "fake-indexeddb/auto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../server/test/test-app.ts";
import { cacheGet, cacheSet } from "../storage/kv.ts";
import { RECHECK_MS, RegionsModel } from "./regions.model.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface Seen {
  url: string;
  ifNoneMatch: string | null;
  status: number;
}

/** Captured before any test replaces the global. */
const realFetch = globalThis.fetch;

/** The page's fetch, sent to the real server; every exchange recorded. `offline` fails like a dead link. */
function phoneFetch(opts: { offline?: boolean } = {}) {
  const seen: Seen[] = [];
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    const entry = { url, ifNoneMatch: new Headers(init?.headers).get("If-None-Match"), status: 0 };
    if (opts.offline) throw new TypeError("Failed to fetch");
    seen.push(entry);
    const res = await realFetch(app.baseUrl + url, init);
    entry.status = res.status;
    return res;
  });
  return seen;
}

/** Both levels are asked side by side, in no set order: compare them by URL. */
const byUrl = (seen: Seen[]) => [...seen].sort((a, b) => a.url.localeCompare(b.url));

beforeEach(async () => {
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase("sikanda-cache");
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("RegionsModel", () => {
  it("downloads both levels once, keeps them, and a later start only asks whether they changed", async () => {
    const first = phoneFetch();
    const start1 = new RegionsModel();
    await start1.load();
    expect(byUrl(first).map((s) => [s.url, s.status, s.ifNoneMatch])).toEqual([
      ["/api/regions?level=desa", 200, null],
      ["/api/regions?level=kecamatan", 200, null],
    ]);
    expect(start1.kecamatan.value?.features).toHaveLength(8);
    expect(start1.desa.value?.features).toHaveLength(157);
    expect(start1.stored.value).toBe(true);
    vi.unstubAllGlobals();

    // The app opened again: boundaries from IndexedDB, and the server says 304 to the tags we kept.
    const second = phoneFetch();
    const start2 = new RegionsModel();
    await start2.load();
    expect(byUrl(second).map((s) => [s.url, s.status])).toEqual([
      ["/api/regions?level=desa", 304],
      ["/api/regions?level=kecamatan", 304],
    ]);
    expect(second.every((s) => s.ifNoneMatch)).toBe(true);
    expect(start2.desa.value?.features).toHaveLength(157);
    expect(start2.stored.value).toBe(true);
  });

  it("asks again only after a while, however often the phone comes back online", async () => {
    const seen = phoneFetch();
    const model = new RegionsModel();
    await model.load();
    await model.load();
    expect(seen).toHaveLength(2);
    vi.useFakeTimers({ now: Date.now() + RECHECK_MS + 1, toFake: ["Date"] });
    await model.load();
    expect(seen.slice(2).map((s) => s.status)).toEqual([304, 304]);
  });

  it("replaces a copy kept before tags existed with a tagged one", async () => {
    const seen = phoneFetch();
    await new RegionsModel().load();
    const kept = await cacheGet<{ collection: unknown }>("regions:kecamatan");
    await cacheSet("regions:kecamatan", kept!.value.collection); // the old shape: a bare collection
    vi.unstubAllGlobals();

    const again = phoneFetch();
    const model = new RegionsModel();
    const loading = model.load();
    await vi.waitFor(() => expect(model.kecamatan.value?.features).toHaveLength(8)); // shown before any answer
    await loading;
    expect(byUrl(again).map((s) => [s.url, s.status])).toEqual([
      ["/api/regions?level=desa", 304],
      ["/api/regions?level=kecamatan", 200],
    ]);
    expect((await cacheGet<{ etag: string | null }>("regions:kecamatan"))!.value.etag).toBeTruthy();
    expect(seen).toHaveLength(2);
  });

  it("works offline from what it kept, and is not offline-ready with nothing kept", async () => {
    phoneFetch();
    await new RegionsModel().load();
    vi.unstubAllGlobals();

    phoneFetch({ offline: true });
    const model = new RegionsModel();
    await model.load();
    expect(model.kecamatan.value?.features).toHaveLength(8);
    expect(model.stored.value).toBe(true);

    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase("sikanda-cache");
      r.onsuccess = () => resolve();
    });
    const empty = new RegionsModel();
    await empty.load();
    expect(empty.kecamatan.value).toBeNull();
    expect(empty.stored.value).toBe(false);
  });
});
