/**
 * The service worker's decisions, apart from the worker so they run in Node tests: which requests it
 * answers, and where the precache gets each file. Imported only by sw.ts, so the build inlines it into
 * the one classic script (the plugin refuses a worker that imports anything).
 */

/** The app's scope; hashed, immutable build output lives under `<scope>assets/`. */
export const SCOPE_PATH = "/m/";
/** The app's page (index.html), cached under the URL it is opened by (see the build plugin). */
export const INDEX_URL = SCOPE_PATH;

/** A file whose name carries its content hash: the same URL always means the same bytes. */
export function isHashedAsset(pathname: string): boolean {
  return pathname.startsWith(`${SCOPE_PATH}assets/`);
}

/**
 * Where a file for the precache comes from when no cache of ours holds it. A hashed file the page has
 * just loaded (served `immutable`) is in the browser's HTTP cache: `force-cache` takes it from there,
 * with no byte on the wire. Anything else (index.html, manifest, icons: `no-cache` on the server) is
 * revalidated — a 304 when the page just loaded it, and never a stale index.html naming old assets.
 */
export function precacheRequestMode(pathname: string): RequestCache {
  return isHashedAsset(pathname) ? "force-cache" : "no-cache";
}

/** What the worker does with a request: the cached page, a cached shell file, or nothing (the network's). */
export type FetchRoute = "page" | "shell-file" | "network";

export function routeOf(request: Pick<Request, "method" | "mode" | "url">, workerOrigin: string): FetchRoute {
  if (request.method !== "GET") return "network";
  const url = new URL(request.url);
  if (url.origin !== workerOrigin) return "network"; // map tiles and the like: the browser's business
  const inScope = url.pathname === "/m" || url.pathname.startsWith(SCOPE_PATH);
  if (request.mode === "navigate") return inScope ? "page" : "network";
  // The API and the socket are live data; the page keeps what it needs offline (boundaries in IndexedDB).
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/socket.io/")) return "network";
  return inScope ? "shell-file" : "network";
}

/** The worker's caches and network, as the precache uses them. */
export interface PrecacheDeps {
  /** This version's cache already holds the URL (an install tried before and stopped half-way). */
  has(url: string): Promise<boolean>;
  /** The URL in any cache of ours — an earlier version's included. */
  matchAnyCache(url: string): Promise<Response | undefined>;
  /** A GET of a same-origin path with the given cache mode. */
  fetch(url: string, cache: RequestCache): Promise<Response>;
  put(url: string, response: Response): Promise<void>;
}

export interface PrecacheTally {
  /** Already in this version's cache. */
  kept: number;
  /** Copied from an earlier version's cache (a hashed file unchanged by the update). */
  copied: number;
  /** Fetched (most from the browser's HTTP cache: the page loaded them a moment ago). */
  fetched: number;
}

/**
 * Fill this version's cache with every URL, downloading none the phone already has: a file in this
 * cache stays, a hashed file in an earlier version's cache is copied, the rest are fetched as
 * `precacheRequestMode` says. Any non-OK answer rejects, so the install fails and is tried again on the
 * next start (a half-filled shell never becomes active).
 */
export async function precache(/** Same-origin paths, e.g. `/m/assets/index-abc.js`. */ urls: readonly string[], deps: PrecacheDeps): Promise<PrecacheTally> {
  const tally: PrecacheTally = { kept: 0, copied: 0, fetched: 0 };
  await Promise.all(
    urls.map(async (url) => {
      if (await deps.has(url)) return void tally.kept++;
      if (isHashedAsset(url)) {
        const earlier = await deps.matchAnyCache(url);
        if (earlier?.ok) {
          await deps.put(url, earlier);
          return void tally.copied++;
        }
      }
      const response = await deps.fetch(url, precacheRequestMode(url));
      if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
      await deps.put(url, response);
      tally.fetched++;
    }),
  );
  return tally;
}

/**
 * The app's page without its static login form (index.html's `login-shell` block): the form helps only a
 * first visit on a slow link, before the app's script is here; served from this cache, the script is at
 * hand at once, and a signed-in officer would see a login form flash before the app.
 */
export function withoutLoginShell(html: string): string {
  return html.replace(/<!--login-shell-->[\s\S]*?<!--\/login-shell-->/, '<p class="boot">SIKANDA…</p>');
}
