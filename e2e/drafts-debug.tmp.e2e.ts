import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./lib/browser.ts";
import { signInPhone } from "./lib/sign-in.ts";
import { startServer, type E2eServer } from "./lib/server.ts";
import { artifactPath } from "./lib/artifacts.ts";

const HALONG = { latitude: -2.247689, longitude: 115.726087 };
const keys = (page: Page) =>
  page.evaluate(() => new Promise<string[]>((resolve) => {
    const open = indexedDB.open("sikanda-drafts");
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("drafts")) return resolve((db.close(), ["<no store>"]));
      const k = db.transaction("drafts").objectStore("drafts").getAllKeys();
      k.onsuccess = () => resolve((db.close(), k.result.map(String)));
    };
    open.onerror = () => resolve(["<open error " + open.error + ">"]);
  }));

describe("debug", () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  it("repeats", async () => {
    const log: string[] = [];
    let fails = 0;
    for (let i = 0; i < 8; i++) {
      const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, permissions: ["geolocation"], geolocation: { ...HALONG, accuracy: 15 } });
      let page = await phone.newPage();
      page.on("console", (m) => log.push(`[${i} p1] ${m.type()} ${m.text()}`));
      await signInPhone(page, server.baseUrl, "petugas.halong");
      await page.getByTestId("new-situation").click();
      await page.locator('input[name="perihal"]').fill("Draf: warga berkumpul di balai desa");
      await page.locator('textarea[name="fakta.siapa"]').fill("Sekitar 30 warga Desa Halong");
      await page.selectOption('select[name="bidang"]', "sosial-budaya");
      await expect.poll(() => keys(page), { timeout: 15000 }).toContainEqual(expect.stringMatching(/situation$/));
      const k1 = await keys(page);
      await page.close();
      page = await phone.newPage();
      page.on("console", (m) => log.push(`[${i} p2] ${m.type()} ${m.text()}`));
      await page.goto(`${server.baseUrl}/m/`);
      await page.getByTestId("officer-home").waitFor();
      const k2 = await keys(page);
      await page.getByTestId("new-situation").click();
      const ok = await page.getByTestId("draft-restored").waitFor({ timeout: 8000 }).then(() => true, () => false);
      const k3 = await keys(page);
      const perihal = await page.locator('input[name="perihal"]').inputValue().catch((e) => "ERR " + e);
      log.push(`iter ${i}: restored=${ok} k1=${k1} k2=${k2} k3=${k3} perihal=${perihal} url=${page.url()}`);
      if (!ok) { fails++; await page.screenshot({ path: artifactPath(`debug-${i}.png`), fullPage: true }); }
      await phone.close();
    }
    console.log(log.join("\n"));
    expect(fails).toBe(0);
  });
});
