import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { artifactPath } from "./lib/artifacts.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

const KECAMATAN = ["Awayan", "Batu Mandi", "Halong", "Juai", "Lampihong", "Paringin", "Paringin Selatan", "Tebing Tinggi"];

describe("dashboard public map", () => {
  let page: Page;
  const tileRequests: string[] = [];
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("requestfailed", (req) => {
      if (req.url().startsWith("http://127.0.0.1:9/")) tileRequests.push(req.url());
    });
    await page.goto(`${rig.server.baseUrl}/`);
  });

  it("draws the eight kecamatan with their names while the tile server is unreachable", async () => {
    await page.locator("path.kecamatan-boundary").nth(7).waitFor();
    expect(await page.locator("path.kecamatan-boundary").count()).toBe(8);
    await expect.poll(() => tileRequests.length, { timeout: 10_000 }).toBeGreaterThan(0);

    const labels = (await page.locator(".kecamatan-label").allTextContents()).map((s) => s.trim()).sort();
    expect(labels).toEqual(KECAMATAN);
    // Names are decluttered again after each zoom step: the map may still be settling on the fitted view,
    // where all eight fit at 1280×800.
    const visible = async () => (await Promise.all((await page.locator(".kecamatan-label").all()).map((l) => l.isVisible()))).filter(Boolean).length;
    await expect.poll(visible, { timeout: 10_000 }).toBe(KECAMATAN.length);

    await page.getByTestId("tiles-unavailable").waitFor();
    await page.screenshot({ path: artifactPath("dashboard.png") });
  });

  it("credits the boundary data and the tiles", async () => {
    const attribution = await page.locator(".leaflet-control-attribution").textContent();
    expect(attribution).toContain("Batas wilayah: Cahya DSN, wilayah_boundaries (MIT)");
    expect(attribution).toContain("OpenStreetMap");
  });

  it("switches the interface between Indonesian and English", async () => {
    const mapNav = page.getByTestId("nav-map");
    expect(await mapNav.textContent()).toBe("Peta");
    expect(await page.getByTestId("login-link").textContent()).toBe("Masuk");

    await page.getByTestId("lang-en").click();
    await expect.poll(() => mapNav.textContent()).toBe("Map");
    expect(await page.getByTestId("login-link").textContent()).toBe("Log in");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId("nav-map").textContent()).toBe("Map");
    await page.getByTestId("lang-id").click();
    await expect.poll(() => page.getByTestId("nav-map").textContent()).toBe("Peta");
  });
});
