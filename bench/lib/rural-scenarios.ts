import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import type { CountingProxy } from "./counting-proxy.ts";
import { emulateSlow3g } from "./slow-3g.ts";

/** The two ways a page is fetched: as the server sends it to Chromium, or with compression refused. */
export type Coding = "compressed" | "identity";

export interface ScenarioOptions {
  browser: Browser;
  proxy: CountingProxy;
  coding: Coding;
  /** Give up on any one wait after this long (counts as an error for that run). */
  timeoutMs: number;
}

/** One request's bytes as Chromium saw them (headers + encoded body), for the details. */
export interface SeenRequest {
  path: string;
  by: "page" | "service worker";
  type: string;
  bytes: number;
}

/**
 * A fresh context, so a cold HTTP cache and no service worker: a phone on its first visit. The cache is
 * not disabled: within the session, what one fetch stored serves the next, as on a phone.
 * `identity` is the baseline: Accept-Encoding: identity on every request the page and its service worker
 * make (Chromium honours the override), i.e. the same site with compression off.
 */
async function freshPage(o: ScenarioOptions): Promise<{ context: BrowserContext; page: Page; seen: Promise<SeenRequest>[] }> {
  const context = await o.browser.newContext({
    viewport: { width: 390, height: 844 },
    serviceWorkers: "allow",
    locale: "id-ID",
    timezoneId: "Asia/Makassar",
    ...(o.coding === "identity" ? { extraHTTPHeaders: { "Accept-Encoding": "identity" } } : {}),
  });
  const page = await context.newPage();
  await emulateSlow3g(context, page);
  const seen: Promise<SeenRequest>[] = [];
  context.on("requestfinished", (req) => seen.push(describe(req)));
  return { context, page, seen };
}

async function describe(req: Request): Promise<SeenRequest> {
  const sizes = await req.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
  const url = new URL(req.url());
  return {
    path: url.pathname + url.search,
    by: req.serviceWorker() ? "service worker" : "page",
    type: req.resourceType(),
    // Answered from the HTTP cache: encodedDataLength 0, which Playwright reports as -headers + headers.
    bytes: Math.max(0, sizes.responseBodySize + sizes.responseHeadersSize),
  };
}

/** Poll the page every frame until `fn` returns a number (the page's performance.now() at that moment). */
async function pageTime<A>(page: Page, fn: (arg: A) => number | false, arg: A, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(fn as (arg: unknown) => number | false, arg as unknown, { polling: "raf", timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

export interface OfficerRun {
  /** Navigation start → username, password and submit visible and enabled. */
  usableMs: number;
  /** Click on submit → the officer's home rendered. */
  loginToHomeMs: number;
  /** Navigation start → offline-ready (see `offlineReadyBy`). */
  offlineReadyMs: number;
  /** Bytes down the wire from the first request to offline-ready (counting proxy). */
  offlineReadyBytes: number;
  offlineReadyBy: "marker" | "service worker activated";
  requests: SeenRequest[];
}

/**
 * An officer's first session on a new phone: open /m/, sign in, and stay until the app says it can work
 * offline. Offline-ready is the app's own signal, `<html data-offline-ready="true">`
 * (mobile-web/src/pwa/offline-ready.ts: shell precached, boundaries and sub-categories stored) while the
 * home is shown. A build without that marker (`hasMarker` false) is measured to its service worker
 * being active: install only completes once the whole precache is stored, so that is "shell cached",
 * boundaries not included.
 */
export async function officerFirstSession(o: ScenarioOptions & { username: string; password: string; hasMarker: boolean }): Promise<OfficerRun> {
  const { context, page, seen } = await freshPage(o);
  try {
    const start = o.proxy.count().down;
    await page.goto(`${o.proxy.baseUrl}/m/`, { waitUntil: "commit" });
    const usableMs = await pageTime(
      page,
      () => {
        const usable = ["input[name=username]", "input[name=password]", "button[type=submit]"].every((selector) => {
          const el = document.querySelector<HTMLInputElement | HTMLButtonElement>(selector);
          return !!el && !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
        });
        return usable ? performance.now() : false;
      },
      undefined,
      o.timeoutMs,
    );
    await page.fill("input[name=username]", o.username);
    await page.fill("input[name=password]", o.password);
    // Page functions declare no named functions: tsx would wrap them in a helper the page does not have.
    await page.evaluate(() =>
      document.addEventListener("click", () => void ((window as unknown as { benchClickAt: number }).benchClickAt = performance.now()), { capture: true, once: true }),
    );
    await page.click("button[type=submit]");
    const homeMs = await pageTime(page, () => (document.querySelector('[data-testid="officer-home"]') ? performance.now() : false), undefined, o.timeoutMs);
    const clickMs = await page.evaluate(() => (window as unknown as { benchClickAt?: number }).benchClickAt);
    if (clickMs === undefined) throw new Error("the login reloaded the page: no click time to measure from");

    let offlineReadyMs: number;
    if (o.hasMarker) {
      offlineReadyMs = await pageTime(
        page,
        () => (document.documentElement.dataset.offlineReady === "true" && document.querySelector('[data-testid="officer-home"]') ? performance.now() : false),
        undefined,
        o.timeoutMs,
      );
    } else {
      const handle = await page.waitForFunction(
        async () => ((await navigator.serviceWorker.getRegistration())?.active?.state === "activated" ? performance.now() : false),
        undefined,
        { polling: 50, timeout: o.timeoutMs },
      );
      offlineReadyMs = (await handle.jsonValue()) as number;
    }
    const offlineReadyBytes = o.proxy.count().down - start;
    return {
      usableMs,
      loginToHomeMs: homeMs - clickMs,
      offlineReadyMs,
      offlineReadyBytes,
      offlineReadyBy: o.hasMarker ? "marker" : "service worker activated",
      requests: await Promise.all(seen),
    };
  } finally {
    await context.close();
  }
}

export interface MapRun {
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  /** Navigation start → all kecamatan boundaries drawn (Leaflet paths `path.kecamatan-boundary`). */
  kecamatanDrawnMs: number;
  /** Bytes down the wire up to the kecamatan drawn, and once the page has gone quiet. */
  bytesUntilDrawn: number;
  bytesTotal: number;
  /** Resource Timing transferSize (headers + encoded body) of the JS that finished before the kecamatan were drawn. */
  firstLoadJsBytes: number;
  firstLoadJs: { path: string; bytes: number }[];
  requests: SeenRequest[];
}

const KECAMATAN = 8;
/** The page has gone quiet when nothing passed for this long. */
const QUIET_MS = 1500;

/** A visitor's first look at the public map on `/`. */
export async function publicMapFirstVisit(o: ScenarioOptions): Promise<MapRun> {
  const { context, page, seen } = await freshPage(o);
  try {
    const start = o.proxy.count().down;
    await page.goto(`${o.proxy.baseUrl}/`, { waitUntil: "commit" });
    const drawnMs = await pageTime(
      page,
      (count: number) => (document.querySelectorAll("path.kecamatan-boundary").length >= count ? performance.now() : false),
      KECAMATAN,
      o.timeoutMs,
    );
    const bytesUntilDrawn = o.proxy.count().down - start;
    const timings = await page.evaluate((drawn) => ({
      fp: performance.getEntriesByName("first-paint")[0]?.startTime ?? Number.NaN,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      js: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => new URL(e.name).pathname.endsWith(".js") && e.responseEnd <= drawn)
        .map((e) => ({ path: new URL(e.name).pathname, bytes: e.transferSize })),
    }), drawnMs);
    const bytesTotal = await quietTotal(o.proxy, start, o.timeoutMs);
    return {
      firstPaintMs: timings.fp,
      firstContentfulPaintMs: timings.fcp,
      kecamatanDrawnMs: drawnMs,
      bytesUntilDrawn,
      bytesTotal,
      firstLoadJsBytes: timings.js.reduce((n, f) => n + f.bytes, 0),
      firstLoadJs: timings.js,
      requests: await Promise.all(seen),
    };
  } finally {
    await context.close();
  }
}

/** Bytes since `start` once nothing has passed through the proxy for QUIET_MS (or at the deadline). */
async function quietTotal(proxy: CountingProxy, start: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = proxy.count().down;
  let quietSince = Date.now();
  while (Date.now() < deadline && Date.now() - quietSince < QUIET_MS) {
    await new Promise((r) => setTimeout(r, 100));
    const now = proxy.count().down;
    if (now !== last) [last, quietSince] = [now, Date.now()];
  }
  return last - start;
}
