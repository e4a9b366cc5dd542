/**
 * The officer app's service worker, served as /m/sw.js with scope /m/ (built by
 * build/service-worker.plugin.ts, which writes the precache list and version into PRECACHE).
 *
 * - install: precache the app shell (index.html, every hashed asset, manifest, icons);
 * - activate: drop other versions' caches, take control of open pages;
 * - fetch: shell files from the cache; pages under /m/ network-first with the cached shell as fallback;
 *   /api/regions network-first with a cached copy (boundaries for the offline map); every other /api/
 *   and /socket.io/ request goes to the network untouched and is never cached;
 * - sync: Background Sync only asks open pages to send (the outbox lives in the page's IndexedDB).
 *
 * No imports: this file must build into one classic script.
 */
export {};

declare const self: ServiceWorkerGlobalScope;

interface PrecacheManifest {
  version: string;
  urls: string[];
}

const PRECACHE = "__SIKANDA_PRECACHE__" as unknown as PrecacheManifest;
const SHELL_PREFIX = "sikanda-shell-";
const SHELL_CACHE = SHELL_PREFIX + PRECACHE.version;
const REGIONS_CACHE = "sikanda-regions";
const INDEX_URL = "/m/index.html";
const SCOPE_PATH = "/m/";
/** On a bad connection, wait this long for a fresh page before serving the cached one. */
const NAVIGATION_TIMEOUT_MS = 4_000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      // `reload`: never fill the cache from the HTTP cache (a stale index.html would pin old assets).
      cache.addAll(PRECACHE.urls.map((url) => new Request(url, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "skip-waiting") void self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // map tiles and the like: the browser's business
  if (request.mode === "navigate") {
    if (url.pathname === "/m" || url.pathname.startsWith(SCOPE_PATH)) event.respondWith(navigation(request));
    return;
  }
  if (url.pathname === "/api/regions") return event.respondWith(regions(request));
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/socket.io/")) return;
  if (url.pathname.startsWith(SCOPE_PATH)) event.respondWith(shellFile(request));
});

/** Network first (a deploy reaches the phone), the cached shell when offline or too slow. */
async function navigation(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (response.ok) return response;
    const cached = await caches.match(INDEX_URL);
    return cached ?? response;
  } catch {
    return (await caches.match(INDEX_URL)) ?? Response.error();
  }
}

/** Hashed assets never change under one name: cache first, network (and keep) for anything missed. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith(`${SCOPE_PATH}assets/`)) {
    const copy = response.clone();
    void caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

/** Boundaries: fresh when possible, the last copy when offline (the map picker and "Kec. X, Desa Y"). */
async function regions(request: Request): Promise<Response> {
  const cache = await caches.open(REGIONS_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request)) ?? Response.error();
  }
}

self.addEventListener("sync", (event: Event) => {
  const e = event as ExtendableEvent & { tag?: string };
  if (e.tag !== "sikanda-outbox") return;
  e.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: "outbox:sync" });
    }),
  );
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
