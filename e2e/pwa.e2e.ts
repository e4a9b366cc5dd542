/**
 * The officer app as an installable, offline-capable PWA: the service worker registers with scope /m/,
 * controls the page, and after going offline a reload still renders the app — the cached home for a
 * signed-in officer, including views and the map picker that load lazily.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { waitOfflineReady } from "./lib/offline-ready.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

describe("officer PWA offline shell", () => {
  let context: BrowserContext;
  let page: Page;
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    context = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "allow" });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it("serves a manifest and registers a service worker that controls /m/", async () => {
    await page.goto(`${rig.server.baseUrl}/m/`);
    await page.locator("input[name=username]").waitFor();
    const manifest = (await (await page.request.get(`${rig.server.baseUrl}/m/manifest.webmanifest`)).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ start_url: "/m/", scope: "/m/", display: "standalone" });

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${rig.server.baseUrl}/m/`);
    const swHeaders = (await page.request.get(`${rig.server.baseUrl}/m/sw.js`)).headers();
    expect(swHeaders["cache-control"]).toBe("no-cache");
  });

  it("renders the login form from the cache when offline", async () => {
    await context.setOffline(true);
    await page.reload();
    await page.locator("input[name=username]").waitFor({ timeout: 15_000 });
    await context.setOffline(false);
  });

  it("opens to the cached home offline after a login, with lazily loaded views and the map", async () => {
    await page.reload();
    await page.fill("input[name=username]", "petugas.paringin");
    await page.fill("input[name=password]", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.getByTestId("officer-home").waitFor();
    // Boundaries reach IndexedDB in the background; wait until the home shows the kecamatan name.
    await page.getByText("Kec. Paringin").waitFor({ timeout: 30_000 });
    await waitOfflineReady(page); // the desa too, which the map draws

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("officer-home").waitFor({ timeout: 15_000 });
    await page.getByTestId("sync-status").waitFor();

    // The situation form and Leaflet were never loaded online in this test: they come from the precache.
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Tandai di peta" }).click();
    await page.locator(".map .leaflet-interactive").first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: artifactPath("pwa-offline-map.png"), fullPage: false });
    await context.setOffline(false);
  });
});
