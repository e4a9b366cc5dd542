/**
 * The officer app on a rural link, through a proxy that records every exchange and can stall (up, but
 * passing no data). The first session downloads each file once — the service worker's precache reuses
 * what the page loaded — and boundaries only after login; a later start revalidates them (304) instead
 * of downloading them again; on a stalled link the installed app opens to home from its cache at once;
 * a new version still arrives behind the update banner. Nothing trips the app's CSP on the way.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { waitOfflineReady } from "./lib/offline-ready.ts";
import { startLinkProxy, type LinkExchange, type LinkProxy } from "./lib/link-proxy.ts";
import { useServerAndBrowser } from "./lib/suite.ts";


/** Full downloads (not 304s) per path, for the files of the app shell. */
function downloadsPerFile(exchanges: LinkExchange[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of exchanges) {
    // sw.js is fetched by the browser's own update checks, by design without the HTTP cache.
    if (e.method !== "GET" || e.status !== 200 || !e.path.startsWith("/m/") || e.path === "/m/sw.js") continue;
    counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
  }
  return counts;
}

describe("officer app on a rural link", () => {
  let link: LinkProxy;
  let phone: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    link = await startLinkProxy(rig.server.baseUrl);
    phone = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "allow" });
    // Every Content-Security-Policy violation the pages report, kept across their reloads.
    await phone.exposeBinding("reportCspViolation", (_source, directive: string, blocked: string) => void cspViolations.push(`${directive} ${blocked}`));
    await phone.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) => void (window as unknown as { reportCspViolation(d: string, b: string): void }).reportCspViolation(e.violatedDirective, e.blockedURI)),
    );
    page = await phone.newPage();
  });

  afterAll(async () => {
    await phone?.close();
    await link?.close();
  });

  it("downloads each file once in the first session and boundaries only after login", async () => {
    await page.goto(`${link.baseUrl}/m/`);
    await page.locator("input[name=username]").waitFor();
    // Signed out, the shell is all there is to keep: ready once the service worker holds it.
    await waitOfflineReady(page);
    expect(link.exchanges.filter((e) => e.path.startsWith("/api/regions") || e.path.startsWith("/api/sub-categories"))).toEqual([]);

    await page.fill("input[name=username]", "petugas.paringin");
    await page.fill("input[name=password]", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="offline-ready"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await waitOfflineReady(page);
    await page.screenshot({ path: artifactPath("rural-link-home-ready.png") });

    const paths = link.exchanges.map((e) => e.path);
    const login = paths.indexOf("/api/auth/login");
    for (const level of ["kecamatan", "desa"]) {
      const fetched = link.exchanges.filter((e) => e.path === `/api/regions?level=${level}`);
      expect(fetched.map((e) => e.status)).toEqual([200]);
      expect(paths.indexOf(`/api/regions?level=${level}`)).toBeGreaterThan(login);
    }
    const twice = [...downloadsPerFile(link.exchanges)].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    // The page itself came down once; the precache only revalidated it.
    expect(link.exchanges.filter((e) => e.path === "/m/").map((e) => e.status)).toEqual([200, 304]);
    expect(link.exchanges.some((e) => e.path === "/m/index.html")).toBe(false);
  });

  it("checks a report form with zod under the app's CSP without a violation (zod runs jitless)", async () => {
    await page.getByTestId("new-situation").click();
    await page.getByTestId("save-report").click(); // empty: the contract's zod schema names every missing field
    await page.locator("#f-perihal-err").waitFor();
    await page.goBack();
    await page.getByTestId("officer-home").waitFor();
    expect(cspViolations).toEqual([]);
  });

  it("starts again from the cache and only revalidates the boundaries", async () => {
    const before = link.exchanges.length;
    await page.reload();
    await page.getByTestId("officer-home").waitFor();
    await page.getByText("Kec. Paringin").waitFor();
    await expect.poll(() => link.exchanges.slice(before).filter((e) => e.path.startsWith("/api/regions")).length, { timeout: 30_000 }).toBe(2);
    const again = link.exchanges.slice(before);
    expect(again.filter((e) => e.path.startsWith("/api/regions")).map((e) => [e.status, e.conditional, e.bytes])).toEqual([
      [304, true, 0],
      [304, true, 0],
    ]);
    expect([...downloadsPerFile(again)]).toEqual([]);
  });

  it("opens to home from the cache within a second while the link is up but passes nothing", async () => {
    // When home appears, by the page's own clock (from this navigation's start): no test-runner delay in it.
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="officer-home"]')) return;
        (window as unknown as { homeShownAt: number }).homeShownAt = performance.now();
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    link.stall();
    try {
      await page.goto(`${link.baseUrl}/m/`, { waitUntil: "commit" });
      const shownAt = await page.waitForFunction(() => (window as unknown as { homeShownAt?: number }).homeShownAt, null, { timeout: 15_000 });
      const ms = (await shownAt.jsonValue()) as number;
      expect(await page.evaluate(() => navigator.onLine)).toBe(true);
      await page.getByTestId("sync-status").waitFor();
      // The app did ask (session, boundaries, socket…), and not one request of this start was answered.
      await expect.poll(() => link.waiting).toBeGreaterThan(0);
      // (The previous page's last socket poll, asked before the stall, may still finish: not this start's.)
      expect(link.exchanges.filter((e) => e.held)).toEqual([]);
      await page.screenshot({ path: artifactPath("rural-link-stalled-home.png") });
      // Before: network first, and the cache only after a 4 s timeout.
      expect(ms).toBeLessThan(1_000);
    } finally {
      link.resume();
    }
  });

  it("still offers a new version behind the banner and switches on the officer's tap", async () => {
    await page.getByTestId("officer-home").waitFor();
    // A deploy that changes only the worker: its bytes differ, so the browser installs it beside the old.
    link.rewrite("/m/sw.js", (body) => Buffer.concat([body, Buffer.from("\n// the next deploy\n")]));
    await page.reload();
    const banner = page.getByText("Versi baru tersedia.");
    await banner.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath("rural-link-update-banner.png") });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Muat ulang" }).click()]);
    await page.getByTestId("officer-home").waitFor();
    expect(await banner.count()).toBe(0);
    const state = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration("/m/");
      return { waiting: Boolean(reg?.waiting), controlled: navigator.serviceWorker.controller !== null };
    });
    expect(state).toEqual({ waiting: false, controlled: true });
  });

  it("lets a first visit type and press Masuk before the app's script arrives, and signs in once it has", async () => {
    const fresh = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
    try {
      const first = await fresh.newPage();
      // The app's script held back as a slow link would: the page's own login form is all there is.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await first.route(/\/m\/assets\/index-[^/]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      // Not "domcontentloaded": that waits for the (deferred) module script this test holds back.
      await first.goto(`${rig.server.baseUrl}/m/`, { waitUntil: "commit" });
      await first.locator("[data-login-shell] input[name=password]").waitFor();
      await first.fill("input[name=username]", "petugas.paringin");
      await first.fill("input[name=password]", DEMO_PASSWORD);
      await first.click("button[type=submit]");
      // Pressed before the script: nothing left the page (no query string, no navigation).
      expect(new URL(first.url()).search).toBe("");
      release();
      await first.getByTestId("officer-home").waitFor();
      expect(await first.locator("[data-login-shell]").count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
