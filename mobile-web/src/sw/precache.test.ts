import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { precache, precacheRequestMode, routeOf, withoutLoginShell, type PrecacheDeps } from "./precache.ts";

const ORIGIN = "https://sikanda.example";

/** This version's cache, earlier versions' caches and the network as plain maps, recording each fetch. */
function worker(opts: { current?: Record<string, string>; earlier?: Record<string, string>; network?: Record<string, number> } = {}) {
  const current = new Map(Object.entries(opts.current ?? {}).map(([u, body]) => [u, new Response(body)]));
  const earlier = new Map(Object.entries(opts.earlier ?? {}).map(([u, body]) => [u, new Response(body)]));
  const fetched: { url: string; mode: RequestCache }[] = [];
  const deps: PrecacheDeps = {
    has: async (url) => current.has(url),
    matchAnyCache: async (url) => (current.get(url) ?? earlier.get(url))?.clone(),
    fetch: async (url, mode) => {
      fetched.push({ url, mode });
      const status = opts.network?.[url] ?? 200;
      return new Response(status === 200 ? `fresh ${url}` : "no", { status });
    },
    put: async (url, response) => void current.set(url, response),
  };
  const text = async (url: string) => current.get(url)?.clone().text();
  return { deps, fetched, current, text };
}

/** Fetches run side by side: compare them in URL order. */
const byUrl = <T extends { url: string }>(list: T[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));

const URLS = ["/m/assets/index-abc.js", "/m/assets/map-picker-def.js", "/m/", "/m/icons/icon-192.png"];

describe("precache", () => {
  it("takes hashed files from the HTTP cache and revalidates the rest on a first install", async () => {
    const w = worker();
    expect(await precache(URLS, w.deps)).toEqual({ kept: 0, copied: 0, fetched: 4 });
    expect(byUrl(w.fetched)).toEqual([
      { url: "/m/", mode: "no-cache" },
      { url: "/m/assets/index-abc.js", mode: "force-cache" },
      { url: "/m/assets/map-picker-def.js", mode: "force-cache" },
      { url: "/m/icons/icon-192.png", mode: "no-cache" },
    ]);
    expect([...w.current.keys()].sort()).toEqual([...URLS].sort());
  });

  it("copies hashed files an earlier version already has instead of downloading them again", async () => {
    const w = worker({ earlier: { "/m/assets/map-picker-def.js": "leaflet v1", "/m/": "<html>old</html>" } });
    expect(await precache(URLS, w.deps)).toEqual({ kept: 0, copied: 1, fetched: 3 });
    expect(await w.text("/m/assets/map-picker-def.js")).toBe("leaflet v1");
    // An unhashed file may have changed under the same name: never taken from an older version.
    expect(await w.text("/m/")).toBe("fresh /m/");
    expect(w.fetched.map((f) => f.url)).not.toContain("/m/assets/map-picker-def.js");
  });

  it("keeps what an interrupted install already stored and fetches only the rest", async () => {
    const w = worker({ current: { "/m/assets/index-abc.js": "main", "/m/": "<html>v1</html>" } });
    expect(await precache(URLS, w.deps)).toEqual({ kept: 2, copied: 0, fetched: 2 });
    expect(w.fetched.map((f) => f.url).sort()).toEqual(["/m/assets/map-picker-def.js", "/m/icons/icon-192.png"]);
  });

  it("fails the install when any file does not come back OK", async () => {
    const w = worker({ network: { "/m/assets/map-picker-def.js": 404 } });
    await expect(precache(URLS, w.deps)).rejects.toThrow("/m/assets/map-picker-def.js: HTTP 404");
  });
});

describe("precacheRequestMode", () => {
  it("trusts the HTTP cache only for content-hashed files", () => {
    expect(precacheRequestMode("/m/assets/index-abc.js")).toBe("force-cache");
    expect(precacheRequestMode("/m/")).toBe("no-cache");
    expect(precacheRequestMode("/m/manifest.webmanifest")).toBe("no-cache");
  });
});

describe("routeOf", () => {
  const req = (url: string, mode: RequestMode = "cors", method = "GET") => ({ url: ORIGIN + url, mode, method });

  it("answers pages under /m/ with the cached shell, whatever the path", () => {
    expect(routeOf(req("/m/", "navigate"), ORIGIN)).toBe("page");
    expect(routeOf(req("/m", "navigate"), ORIGIN)).toBe("page");
    expect(routeOf(req("/m/laporan?x=1", "navigate"), ORIGIN)).toBe("page");
    expect(routeOf(req("/", "navigate"), ORIGIN)).toBe("network"); // the dashboard is not ours
  });

  it("serves shell files and leaves the API, the socket, other origins and writes to the network", () => {
    expect(routeOf(req("/m/assets/index-abc.js"), ORIGIN)).toBe("shell-file");
    expect(routeOf(req("/m/icons/icon-192.png", "no-cors"), ORIGIN)).toBe("shell-file");
    expect(routeOf(req("/api/regions?level=desa"), ORIGIN)).toBe("network");
    expect(routeOf(req("/socket.io/?EIO=4&transport=polling"), ORIGIN)).toBe("network");
    expect(routeOf({ url: "https://tile.example.org/1/2/3.png", mode: "no-cors", method: "GET" }, ORIGIN)).toBe("network");
    expect(routeOf(req("/m/assets/index-abc.js", "cors", "POST"), ORIGIN)).toBe("network");
  });
});

describe("withoutLoginShell", () => {
  it("takes the static login form out of the app's own page, and leaves the rest as it was", () => {
    const page = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
    expect(page).toContain('name="password"');
    const served = withoutLoginShell(page);
    expect(served).not.toContain('name="password"');
    expect(served).not.toContain("login-shell-->");
    expect(served).toContain('<div id="app"><p class="boot">SIKANDA…</p></div>');
    // Everything around the form is the page as built: head, scripts, the rest of the body.
    const [before, after] = [page.slice(0, page.indexOf("<!--login-shell-->")), page.slice(page.indexOf("<!--/login-shell-->") + "<!--/login-shell-->".length)];
    expect(served).toBe(`${before}<p class="boot">SIKANDA…</p>${after}`);
  });
});
