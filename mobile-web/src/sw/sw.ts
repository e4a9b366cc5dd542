/**
 * The officer app's service worker, served as /m/sw.js with scope /m/ (built by
 * build/service-worker.plugin.ts, which writes the precache list and version into PRECACHE).
 *
 * - install: fill this version's cache without downloading anything twice (`precache`: files the page
 *   just loaded come from the HTTP cache, files unchanged since the last version from its cache);
 * - activate: drop other versions' caches (and retired ones), take control of open pages;
 * - fetch: pages under /m/ answer with the cached shell at once — a connection that is up but passes no
 *   data must not hold the officer at a blank screen. The refresh happens in the background: after every
 *   navigation the browser checks /m/sw.js, whose bytes carry the version hash, and a new version
 *   installs beside this one, then waits for the officer's "Muat ulang" (pwa/register.ts). Updating
 *   index.html inside this version's cache instead would pair a new page with old assets. Shell files come
 *   from the cache; /api/ and /socket.io/ go to the network untouched and are never cached here (the page
 *   keeps its boundaries in IndexedDB);
 * - sync: Background Sync only asks open pages to send (the outbox lives in the page's IndexedDB).
 *
 * Imports only ./precache.ts (inlined): this file must build into one classic script.
 */
import { INDEX_URL, isHashedAsset, precache, routeOf, withoutLoginShell } from "./precache.ts";

declare const self: ServiceWorkerGlobalScope;

interface PrecacheManifest {
  version: string;
  urls: string[];
}

const PRECACHE = "__SIKANDA_PRECACHE__" as unknown as PrecacheManifest;
const SHELL_PREFIX = "sikanda-shell-";
const SHELL_CACHE = SHELL_PREFIX + PRECACHE.version;
/** Caches earlier versions kept that nothing reads any more (boundaries live in the page's IndexedDB). */
const RETIRED_CACHES = ["sikanda-regions"];
/** Every entry is one URL's one answer; the server's `Vary: Accept-Encoding` must not hide it. */
const BY_URL: CacheQueryOptions = { ignoreVary: true };

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      precache(PRECACHE.urls, {
        has: async (url) => (await cache.match(url, BY_URL)) !== undefined,
        matchAnyCache: (url) => caches.match(url, BY_URL),
        fetch: (url, mode) => fetch(new Request(url, { cache: mode })),
        put: (url, response) => cache.put(url, response),
      }),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if ((name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) || RETIRED_CACHES.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "skip-waiting") void self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  switch (routeOf(event.request, self.location.origin)) {
    case "page":
      return event.respondWith(page(event.request));
    case "shell-file":
      return event.respondWith(shellFile(event.request));
    case "network":
      return;
  }
});

/** The cached shell at once; the network only when this version has none (its cache was cleared). */
async function page(request: Request): Promise<Response> {
  const cached = await (await caches.open(SHELL_CACHE)).match(INDEX_URL, BY_URL);
  if (cached) {
    // A new body: the stored length and coding no longer describe it.
    const headers = new Headers(cached.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    return new Response(withoutLoginShell(await cached.text()), { status: cached.status, statusText: cached.statusText, headers });
  }
  try {
    return await fetch(request);
  } catch {
    return Response.error();
  }
}

/** Hashed assets never change under one name: cache first, network (and keep) for anything missed. */
async function shellFile(request: Request): Promise<Response> {
  const cached = await caches.match(request, { ...BY_URL, ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && isHashedAsset(new URL(request.url).pathname)) {
    const copy = response.clone();
    void caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
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
