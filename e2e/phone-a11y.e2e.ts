/**
 * The officer app under axe-core: no serious or critical finding on the login form, home, each report
 * form (situation — with its field errors shown and with the map picker open —, daily, weekly, monthly)
 * and my reports. A screenshot of
 * each screen goes to e2e/artifacts.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, fullPageShot } from "./lib/artifacts.ts";
import { axeFindings } from "./lib/axe.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/** Paringin Kota, Kecamatan Paringin (63.11.06). */
const PARINGIN_KOTA = { latitude: -2.3217, longitude: 115.4584 };

describe("officer app accessibility", () => {
  let phone: BrowserContext;
  let page: Page;
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    phone = await rig.browser.newContext({
      viewport: { width: 390, height: 844 },
      permissions: ["geolocation"],
      geolocation: { ...PARINGIN_KOTA, accuracy: 12 },
      // axe-core goes in as an inline script, which the app's CSP (rightly) refuses.
      bypassCSP: true,
    });
    page = await phone.newPage();
  });

  afterAll(async () => {
    await phone?.close();
  });

  const expectNoSeriousFindings = async (shot: string) => {
    await fullPageShot(page, shot);
    expect(await axeFindings(page)).toEqual([]);
  };

  it("login form", async () => {
    await page.goto(`${rig.server.baseUrl}/m/`);
    await page.locator("input[name=username]").waitFor();
    await expectNoSeriousFindings("phone-a11y-login.png");
  });

  it("names itself in the chosen language: lang, title and meta description", async () => {
    const namedAs = () => page.evaluate(() => [document.documentElement.lang, document.title, document.querySelector('meta[name="description"]')?.getAttribute("content")]);
    expect(await namedAs()).toEqual(["id", "SIKANDA Petugas", expect.stringContaining("aplikasi laporan situasi")]);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Bahasa Indonesia" }).waitFor();
    expect(await namedAs()).toEqual(["en", "SIKANDA Officer", expect.stringContaining("situation and periodic reports")]);
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await page.getByRole("button", { name: "English" }).waitFor();
  });

  it("home", async () => {
    await page.fill("input[name=username]", "petugas.paringin");
    await page.fill("input[name=password]", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.getByTestId("officer-home").waitFor();
    await page.getByText("Kec. Paringin").waitFor({ timeout: 30_000 });
    await expectNoSeriousFindings("phone-a11y-home.png");
  });

  it("situation report form, with the map picker open", async () => {
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').waitFor();
    await expectNoSeriousFindings("phone-a11y-situation.png");
    // Saved empty: every required field marked, with its message.
    await page.getByTestId("save-report").click();
    await page.locator("#f-perihal-err").waitFor();
    await expectNoSeriousFindings("phone-a11y-situation-errors.png");
    await page.getByRole("button", { name: "Tandai di peta" }).click();
    // Attached, not visible: zoomed to the GPS fix, Leaflet clips the kecamatan out of view to empty paths.
    await page.locator(".map .leaflet-interactive").first().waitFor({ state: "attached", timeout: 15_000 });
    await expectNoSeriousFindings("phone-a11y-situation-map.png");
  });

  for (const [slug, name] of [
    ["harian", "daily"],
    ["mingguan", "weekly"],
    ["bulanan", "monthly"],
  ] as const) {
    it(`${name} report form`, async () => {
      await page.goto(`${rig.server.baseUrl}/m/#/${slug}`);
      await page.locator('input[name="period"]').waitFor();
      await expectNoSeriousFindings(`phone-a11y-${name}.png`);
    });
  }

  it("my reports", async () => {
    await page.goto(`${rig.server.baseUrl}/m/#/laporan-saya`);
    await page.getByRole("heading", { name: "Laporan saya" }).waitFor();
    await expectNoSeriousFindings("phone-a11y-my-reports.png");
  });
});
