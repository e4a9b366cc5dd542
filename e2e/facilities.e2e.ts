import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/**
 * Facilities (issue 14) on the real demo server: an admin adds one with the map picker and imports a
 * small CSV (checked first, then imported); the layer toggles on the verifiers' ops map.
 */
describe("admin: facilities", () => {
  const rig = useServerAndBrowser();
  const tag = randomUUID().slice(0, 6);
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await rig.browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signInDashboard(page, rig.server.baseUrl, "admin", { path: "/login?next=/admin/facilities" });
    await page.getByTestId("facilities-page").waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  it("adds a facility whose point is picked on the map, placed in the kecamatan and desa shown", async () => {
    expect(await page.getByTestId("nav-facilities").textContent()).toBe("Fasilitas");
    await page.getByTestId("facility-new").click();
    const form = page.getByTestId("facility-form");
    await form.waitFor();
    await page.getByTestId("facility-type").selectOption("sekolah");
    await page.getByTestId("facility-name").fill(`SD Peta ${tag}`);
    await page.getByTestId("facility-contact").fill("0526-555");
    // The picker's map, once its boundaries are drawn: a click in its middle is inside Balangan.
    const map = page.locator("[data-testid=facility-picker] .leaflet-container");
    await page.locator("[data-testid=facility-picker] path.leaflet-interactive").first().waitFor();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const place = page.locator('[data-testid=facility-place][data-kind="inside"]');
    await place.waitFor();
    const placeText = (await place.textContent())!;
    expect(placeText).toMatch(/Kecamatan \S+/);
    expect(Number(await page.getByTestId("facility-lat").inputValue())).toBeLessThan(-2);
    expect(await page.locator("[data-testid=facility-picker] path.facility-picked").count()).toBe(1);
    await page.screenshot({ path: artifactPath("facilities-picker.png") });

    await page.getByTestId("facility-save").click();
    await page.getByTestId("facility-notice").filter({ hasText: `SD Peta ${tag}` }).waitFor();
    const row = page.getByTestId("facility-row").filter({ hasText: `SD Peta ${tag}` });
    await row.waitFor();
    // The table shows where the server placed it: the kecamatan the picker named.
    const kecamatan = /Kecamatan (\S+?)(,|$)/.exec(placeText)![1]!;
    expect(await row.textContent()).toContain(kecamatan);
    await page.getByTestId("facility-close").click();
  });

  it("checks a CSV row by row, then imports its valid rows", async () => {
    const csv = [
      "nama,jenis,alamat,kontak,lat,lon",
      `Masjid CSV ${tag},Rumah ibadah,"Jl. Ahmad Yani, km 1",,-2.3217,115.4584`,
      `Pos CSV ${tag},pos_keamanan,,,-2.278955,115.588291`,
      `Toko CSV ${tag},warung,,,-2.3,115.5`,
    ].join("\n");
    await page.getByTestId("facility-import-file").setInputFiles({ name: "fasilitas.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("facility-import-check").click();
    await page.getByTestId("facility-import-summary").filter({ hasText: "3 baris: 2 valid, 1 tidak valid, 0 duplikat." }).waitFor();
    const statuses = await page.getByTestId("facility-import-row").evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.line}:${(r as HTMLElement).dataset.status}`));
    expect(statuses).toEqual(["2:valid", "3:valid", "4:invalid"]);
    expect(await page.locator('[data-testid=facility-import-row][data-line="4"]').textContent()).toContain("jenis tidak dikenal");
    // A dry run wrote nothing.
    expect(await page.getByTestId("facility-row").filter({ hasText: `CSV ${tag}` }).count()).toBe(0);
    await page.getByTestId("facility-import").scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath("facilities-import-check.png") });

    await page.getByTestId("facility-import-run").click();
    await page.getByTestId("facility-import-summary").filter({ hasText: "2 fasilitas diimpor" }).waitFor();
    const after = await page.getByTestId("facility-import-row").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
    expect(after).toEqual(["inserted", "inserted", "invalid"]);
    await page.getByTestId("facility-filter-q").fill(`CSV ${tag}`);
    await page.getByTestId("facility-filter-q").press("Tab");
    await expect.poll(() => page.getByTestId("facility-row").count()).toBe(2);
    expect(await page.getByTestId("facility-row").filter({ hasText: `Masjid CSV ${tag}` }).textContent()).toContain("Paringin");

    // The same file again: its rows are the stored facilities now, and there is nothing to import.
    await page.getByTestId("facility-import-file").setInputFiles({ name: "fasilitas-lagi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("facility-import-check").click();
    await page.getByTestId("facility-import-summary").filter({ hasText: "3 baris: 0 valid, 1 tidak valid, 2 duplikat." }).waitFor();
    expect(await page.locator('[data-testid=facility-import-row][data-line="2"]').textContent()).toContain(`sama dengan fasilitas tersimpan “Masjid CSV ${tag}” (0 m)`);
    expect(await page.getByTestId("facility-import-run").count()).toBe(0);
  });

  it("shows and hides the facilities layer on the ops map", async () => {
    await page.goto(`${rig.server.baseUrl}/ops`);
    await page.locator(".ops-map path.leaflet-interactive").first().waitFor();
    expect(await page.locator(".ops-map .facility-marker").count()).toBe(0);
    await page.getByTestId("facility-toggle").check();
    await page.getByTestId("facility-legend").waitFor();
    await expect.poll(() => page.locator(".ops-map .facility-marker").count()).toBeGreaterThanOrEqual(25);
    expect(await page.locator(".ops-map .facility-marker--sekolah").count()).toBeGreaterThan(0);
    // Report markers sit above facilities (a report is never hidden by a school) and the demo's reports
    // crowd Paringin: the popup opens from the keyboard, as Leaflet's markers allow.
    await page.locator(`.ops-map .facility-marker[title="Masjid CSV ${tag}"]`).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("facility-popup").filter({ hasText: `Masjid CSV ${tag}` }).waitFor();
    expect(await page.getByTestId("facility-popup").textContent()).toContain("Jl. Ahmad Yani, km 1");
    // Once the popup has faded in.
    await expect.poll(() => page.locator(".leaflet-popup").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    await page.screenshot({ path: artifactPath("facilities-ops-layer.png") });
    await page.getByTestId("facility-toggle").uncheck();
    await expect.poll(() => page.locator(".ops-map .facility-marker").count()).toBe(0);
    expect(await page.getByTestId("facility-legend").count()).toBe(0);
  });
});
