/**
 * A report half written when the tab is closed (a call comes in, the battery saver kills the browser) is
 * there when the officer opens the form again; saving it, starting afresh or logging out removes it.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullPageShot } from "./lib/artifacts.ts";
import { launchBrowser } from "./lib/browser.ts";
import { signInPhone } from "./lib/sign-in.ts";
import { startServer, type E2eServer } from "./lib/server.ts";
import { fillSituationForm } from "./lib/situation-form.ts";

const HALONG = { latitude: -2.247689, longitude: 115.726087 };

/**
 * The kinds of report with a draft in IndexedDB ("situation", …). Never creates the database: opened
 * before the app did, an empty one at version 1 would keep the app from ever adding its store.
 */
const draftKinds = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open("sikanda-drafts");
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("drafts")) return resolve((db.close(), []));
          const keys = db.transaction("drafts").objectStore("drafts").getAllKeys();
          keys.onsuccess = () => resolve((db.close(), keys.result.map((key) => String(key).split("/").pop()!)));
          keys.onerror = () => resolve((db.close(), []));
        };
        open.onerror = () => resolve([]);
      }),
  );

/**
 * Once the officer has a draft of that kind (the app saves it a moment after typing). Polled from here:
 * page.waitForFunction takes the Promise an async predicate returns as truthy and would not wait at all,
 * and a tab closed before the save is left to the save started as the page goes (not always finished).
 */
const hasDraft = (page: Page, kind: string) => expect.poll(() => draftKinds(page), { timeout: 15_000 }).toContain(kind);

describe("drafts of reports being written", () => {
  let server: E2eServer;
  let browser: Browser;
  let phone: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      permissions: ["geolocation"],
      geolocation: { ...HALONG, accuracy: 15 },
    });
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.stop();
  });

  it("brings a half-written report back after the tab is closed, and lets it go once saved", async () => {
    let page = await phone.newPage();
    await signInPhone(page, server.baseUrl, "petugas.halong");
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').fill("Draf: warga berkumpul di balai desa");
    await page.locator('textarea[name="fakta.siapa"]').fill("Sekitar 30 warga Desa Halong");
    await page.selectOption('select[name="bidang"]', "sosial-budaya");
    await hasDraft(page, "situation");
    await page.close(); // no save, no back button: the tab is simply gone

    page = await phone.newPage();
    await page.goto(`${server.baseUrl}/m/`);
    await page.getByTestId("officer-home").waitFor();
    await page.getByTestId("new-situation").click();
    await page.getByTestId("draft-restored").waitFor();
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe("Draf: warga berkumpul di balai desa");
    expect(await page.locator('textarea[name="fakta.siapa"]').inputValue()).toBe("Sekitar 30 warga Desa Halong");
    expect(await page.locator('select[name="bidang"]').inputValue()).toBe("sosial-budaya");
    await fullPageShot(page, "draft-restored.png");

    // Finish it and save: it goes to the outbox, and the next new report starts empty.
    await fillSituationForm(page, "Warga berkumpul di balai desa");
    await page.getByTestId("whereabouts").filter({ hasText: "Kec. Halong" }).waitFor();
    await page.getByTestId("save-report").click();
    await page.getByTestId("officer-home").waitFor();
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').waitFor();
    expect(await page.getByTestId("draft-restored").count()).toBe(0);
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe("");
  });

  it("keeps a draft through the back button, starts afresh on request, and forgets it at logout", async () => {
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/m/`);
    await page.getByTestId("officer-home").waitFor();
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').fill("Draf kedua");
    await page.getByRole("button", { name: "← Kembali" }).click();
    await page.getByTestId("officer-home").waitFor();
    await page.getByTestId("new-situation").click();
    await page.getByTestId("draft-restored").waitFor();
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe("Draf kedua");

    // Starting afresh deletes the stored draft first and only then swaps in an empty form, so the old form,
    // notice and all, is still on screen for a moment: wait for what the officer sees change.
    await page.getByTestId("draft-discard").click();
    await page.getByTestId("draft-restored").waitFor({ state: "detached" });
    await expect.poll(() => page.locator('input[name="perihal"]').inputValue()).toBe("");
    expect(await draftKinds(page)).not.toContain("situation");
    // And it stays gone: nothing left behind writes it back, not even the page being left (a reload).
    await page.reload();
    await page.goto(`${server.baseUrl}/m/`);
    await page.getByTestId("officer-home").waitFor();
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').waitFor(); // a new page: this is the form the gate just opened
    expect(await page.getByTestId("draft-restored").count()).toBe(0);
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe("");
    expect(await draftKinds(page)).not.toContain("situation");

    await page.locator('input[name="perihal"]').fill("Draf ketiga");
    await hasDraft(page, "situation");
    // Still typing when they log out, straight from the form: nothing may be written back afterwards.
    await page.locator('input[name="perihal"]').fill("Draf ketiga, belum selesai");
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.locator("input[name=username]").waitFor();
    await signInPhone(page, server.baseUrl, "petugas.halong");
    await page.getByTestId("new-situation").click();
    await page.locator('input[name="perihal"]').waitFor();
    expect(await page.getByTestId("draft-restored").count()).toBe(0);
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe("");
  });
});
