/**
 * One phone, two officers, and the lists admins keep. The admin adds and retires sub-categories on the
 * dashboard; the form on the phone offers what the server says. Officer A files a report without signal
 * and logs out; officer B, new, must first replace the temporary password, then sees A's report held —
 * never sent under B's session. When A logs in again it is sent, once, as A's.
 */
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportView } from "@contract/reports.ts";
import type { OneTimePasswordResult } from "@contract/users.ts";
import { artifactPath, fullPageShot, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { fillSituationForm } from "./lib/situation-form.ts";
import { waitOfflineReady } from "./lib/offline-ready.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

const PARINGIN = "63.11.06";
const PARINGIN_KOTA = { latitude: -2.3217, longitude: 115.4584 };

async function login(page: Page, username: string, password: string) {
  await page.fill("input[name=username]", username);
  await page.fill("input[name=password]", password);
  await page.click("button[type=submit]");
}

async function reportsTitled(admin: APIRequestContext, title: string): Promise<ReportView[]> {
  const list = (await (await admin.get("/api/reports?limit=500")).json()) as { data: ReportView[] };
  return list.data.filter((r) => r.perihal === title);
}

describe("shared phone and admin-kept sub-categories", () => {
  let phone: BrowserContext;
  let admin: APIRequestContext;
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    admin = await request.newContext({ baseURL: rig.server.baseUrl });
    expect((await admin.post("/api/auth/login", { data: { username: "admin", password: DEMO_PASSWORD } })).status()).toBe(200);
  });

  afterAll(async () => {
    await admin?.dispose();
    await phone?.close();
  });

  it("lets an admin add, reorder and retire sub-categories per bidang", async () => {
    const desk = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await desk.newPage();
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${rig.server.baseUrl}/login`);
    await login(page, "admin", DEMO_PASSWORD);
    await page.getByTestId("nav-subCategories").click();
    const politik = page.locator('[data-testid=subcat-group][data-bidang="politik"]');
    await politik.getByTestId("subcat-row").first().waitFor();
    expect(await page.getByTestId("subcat-group").count()).toBe(5);

    await politik.locator("input[name=name]").fill("golput");
    await politik.getByTestId("subcat-add-submit").click();
    await politik.locator('[data-testid=subcat-row][data-name="golput"]').waitFor();
    // The same name again: told beside the field.
    await politik.locator("input[name=name]").fill("golput");
    await politik.getByTestId("subcat-add-submit").click();
    await politik.locator('[data-field-error="name"]').waitFor();

    // Up one place: no longer last.
    await politik.locator('[data-testid=subcat-row][data-name="golput"]').getByTestId("subcat-up").click();
    await politik.locator('[data-testid=subcat-row]:last-child:not([data-name="golput"])').waitFor();

    await politik.locator('[data-testid=subcat-row][data-name="ormas"]').getByTestId("subcat-toggle-active").click();
    await politik.locator('[data-testid=subcat-row][data-name="ormas"][data-active="false"]').waitFor();
    expect(await politik.locator('[data-testid=subcat-row][data-name="ormas"]').textContent()).toContain("tetap sah untuk laporan lama");
    await fullPageShot(page, "admin-sub-categories.png");
    await desk.close();
  });

  it("holds officer A's queued report while B is signed in, and sends it once when A is back", async () => {
    const title = `E2E ponsel bersama ${Date.now().toString(36)}`;
    const newcomer = `petugas.e2e${Date.now().toString(36)}`;
    const created = (await (
      await admin.post("/api/users", { data: { username: newcomer, displayName: "Petugas Baru", role: "officer", kecamatanKode: PARINGIN } })
    ).json()) as { data: OneTimePasswordResult };
    const temporary = created.data.oneTimePassword!;
    expect(temporary.length).toBeGreaterThanOrEqual(10);

    phone = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, permissions: ["geolocation"], geolocation: { ...PARINGIN_KOTA, accuracy: 12 } });
    const page = await phone.newPage();
    await page.goto(`${rig.server.baseUrl}/m/`);
    await login(page, "petugas.paringin", DEMO_PASSWORD);
    await page.getByTestId("officer-home").waitFor();
    await page.getByText("Kec. Paringin").waitFor({ timeout: 30_000 });
    await waitOfflineReady(page);

    // The form offers the admin's list: the new one, not the retired one.
    await page.getByTestId("new-situation").click();
    await page.selectOption('select[name="bidang"]', "politik");
    const options = page.locator('select[name="subCategory"] option');
    await options.filter({ hasText: "golput" }).waitFor({ state: "attached" });
    expect(await options.allTextContents()).not.toContain("ormas");

    await phone.setOffline(true);
    await fillSituationForm(page, title, { subCategory: "golput", kerawanan: "Rendah" });
    await page.getByTestId("whereabouts").filter({ hasText: "Kec. Paringin" }).waitFor();
    await page.getByTestId("save-report").click();
    await page.locator('[data-testid="sync-pending"][data-count="1"]').waitFor();

    // A logs out without signal: the report stays on the phone.
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.locator("input[name=username]").waitFor();
    await phone.setOffline(false);

    // B, new: the temporary password must go first; the server's field errors show beside the fields.
    await login(page, newcomer, temporary);
    await page.getByTestId("change-password").waitFor();
    expect(await page.getByTestId("officer-home").count()).toBe(0);
    await page.fill("input[name=currentPassword]", "bukan-kata-sandi-ini");
    await page.fill("input[name=newPassword]", "Teh-Hangat-Di-Paringin");
    await page.fill("input[name=confirmPassword]", "Teh-Hangat-Di-Paringin");
    await page.getByTestId("password-submit").click();
    await page.locator('[data-field-error="currentPassword"]').filter({ hasText: "salah" }).waitFor();
    await fullPageShot(page, "officer-change-password.png");
    await page.fill("input[name=currentPassword]", temporary);
    await page.getByTestId("password-submit").click();
    await page.getByTestId("officer-home").waitFor();

    const held = page.locator('[data-testid="held-reports"] li[data-owner="petugas.paringin"][data-count="1"]');
    await held.waitFor();
    expect(await held.textContent()).toContain("masuk sebagai");
    expect(await page.getByTestId("sync-pending").getAttribute("data-count")).toBe("0");
    await fullPageShot(page, "shared-phone-held.png");
    await page.waitForTimeout(3_000);
    expect(await reportsTitled(admin, title)).toEqual([]);

    // A again: sent, once, as A's.
    await page.getByRole("button", { name: "Keluar" }).click();
    await login(page, "petugas.paringin", DEMO_PASSWORD);
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("held-reports").count()).toBe(0);
    const sent = await reportsTitled(admin, title);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subCategory: "golput", kecamatan: { kode: PARINGIN } });
    expect(sent[0]!.author.displayName).not.toBe("Petugas Baru");
  });
});
