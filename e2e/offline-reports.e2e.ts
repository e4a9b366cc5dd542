/**
 * The officer's worst day: no signal while filing three situation reports (one with a photo), the app
 * closed and opened again, then signal returns. Every report must reach the server exactly once, the
 * photo with it, and appear on the verifier's live ops list.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { BrowserContext, Page } from "playwright-core";
import { request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportView } from "@contract/reports.ts";
import { artifactPath, fullPageShot, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { signInDashboard, signInPhone } from "./lib/sign-in.ts";
import { fillSituationForm } from "./lib/situation-form.ts";
import { waitOfflineReady } from "./lib/offline-ready.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/** Paringin Kota, Kecamatan Paringin (63.11.06): the southern verifier's region. */
const PARINGIN_KOTA = { latitude: -2.3217, longitude: 115.4584 };

async function fillSituation(page: Page, perihal: string, photo?: string, where = "Kec. Paringin, Desa Paringin Kota") {
  await page.getByTestId("new-situation").click();
  await fillSituationForm(page, perihal);
  if (photo) {
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.locator(".thumbs img").waitFor();
  }
  // The GPS fix (granted + emulated) and the offline boundaries name the place before sending.
  await page.getByTestId("whereabouts").filter({ hasText: where }).waitFor();
  await page.getByTestId("save-report").click();
  await page.getByTestId("officer-home").waitFor();
}

const pendingCount = async (page: Page) => Number(await page.getByTestId("sync-pending").getAttribute("data-count"));

describe("offline situation reports", () => {
  let phone: BrowserContext;
  let tmp: string;
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "sikanda-photo-"));
  });

  afterAll(async () => {
    await phone?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("queues three reports offline and delivers each exactly once when back online", async () => {
    const stamp = Date.now().toString(36);
    const titles = [1, 2, 3].map((n) => `E2E luring ${stamp} #${n}`);
    const photo = path.join(tmp, "kejadian.jpg");
    await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg({ quality: 80 }).toFile(photo);

    phone = await rig.browser.newContext({
      viewport: { width: 360, height: 740 },
      permissions: ["geolocation"],
      geolocation: { ...PARINGIN_KOTA, accuracy: 12 },
      serviceWorkers: "allow",
    });
    let page = await phone.newPage();
    await signInPhone(page, rig.server.baseUrl, "petugas.paringin");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await page.getByText("Kec. Paringin").waitFor({ timeout: 30_000 });
    await waitOfflineReady(page); // boundaries (the desa too) are on the phone

    await phone.setOffline(true);
    for (const [i, title] of titles.entries()) {
      await fillSituation(page, title, i === 0 ? photo : undefined);
      expect(await pendingCount(page)).toBe(i + 1);
    }
    await fullPageShot(page, "offline-reports-queued.png");

    // The officer closes the app; it opens again (from the service worker's cache, still offline).
    await page.close();
    page = await phone.newPage();
    await page.goto(`${rig.server.baseUrl}/m/`);
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="sync-pending"][data-count="3"]').waitFor();

    await phone.setOffline(false);
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 60_000 });
    await fullPageShot(page, "offline-reports-sent.png");

    // Exactly once on the server, as an admin sees it, with the photo uploaded.
    const admin = await request.newContext({ baseURL: rig.server.baseUrl });
    expect((await admin.post("/api/auth/login", { data: { username: "admin", password: DEMO_PASSWORD } })).status()).toBe(200);
    const list = (await (await admin.get("/api/reports?limit=500")).json()) as { data: ReportView[] };
    const ours = list.data.filter((r) => titles.includes(r.perihal));
    expect(ours.map((r) => r.perihal).sort()).toEqual([...titles].sort());
    for (const r of ours) {
      expect(r.kecamatan.kode).toBe("63.11.06");
      expect(r.desa?.nama).toBe("Paringin Kota");
      expect(r.location.source).toBe("gps");
    }
    const withPhoto = ours.find((r) => r.perihal === titles[0])!;
    expect(withPhoto.photos).toHaveLength(1);
    expect(withPhoto.photos[0]!.uploaded).toBe(true);
    expect(ours.filter((r) => r.perihal !== titles[0]).every((r) => r.photos.length === 0)).toBe(true);
    const photoRes = await admin.get(`/api/reports/${withPhoto.id}/photos/${withPhoto.photos[0]!.sha256}`);
    expect(photoRes.status()).toBe(200);
    await admin.dispose();

    // My reports on the phone lists them from the server now.
    await page.getByRole("button", { name: "Laporan saya" }).click();
    for (const title of titles) await page.locator('[data-testid="my-report"][data-state="submitted"]', { hasText: title }).waitFor();

    // And the verifier of Paringin sees them on the ops list.
    const desk = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const ops = await desk.newPage();
    await signInDashboard(ops, rig.server.baseUrl, "verifikator.selatan");
    for (const title of titles) await ops.getByTestId("ops-report").filter({ hasText: title }).waitFor({ timeout: 30_000 });
    expect(await ops.getByTestId("ops-report").filter({ hasText: stamp }).count()).toBe(3);
    await ops.screenshot({ path: artifactPath("offline-reports-ops.png") });
    await desk.close();
  });

  it("names the missing fields instead of queueing an incomplete report", async () => {
    const page = await phone.newPage();
    await page.goto(`${rig.server.baseUrl}/m/#/situasi`);
    await page.locator('input[name="perihal"]').waitFor();
    await page.getByTestId("save-report").click();
    await page.locator("#f-perihal-err").filter({ hasText: "Wajib diisi." }).waitFor();
    await page.locator("#f-fakta-siapa-err").filter({ hasText: "Wajib diisi." }).waitFor();
    expect(await page.locator("#f-pendahuluan-nilaiInformasi-err, .field--error .error").count()).toBeGreaterThan(5);
    await page.goto(`${rig.server.baseUrl}/m/`);
    await page.getByTestId("officer-home").waitFor();
    expect(await pendingCount(page)).toBe(0);
    await page.close();
  });

  it("lets the officer fix a report the server refused (outside Balangan) and send it again", async () => {
    const page = await phone.newPage();
    await page.goto(`${rig.server.baseUrl}/m/`);
    await page.getByTestId("officer-home").waitFor();
    // Banjarmasin: far outside the 2 km tolerance, so intake refuses it; the phone warns but lets it go.
    await phone.setGeolocation({ latitude: -3.3194, longitude: 114.5908, accuracy: 10 });
    const title = `E2E di luar wilayah ${Date.now().toString(36)}`;
    await fillSituation(page, title, undefined, "Di luar Kabupaten Balangan");
    const refused = page.getByTestId("refused").locator("li", { hasText: title });
    await refused.waitFor({ timeout: 30_000 });

    await phone.setGeolocation({ ...PARINGIN_KOTA, accuracy: 12 });
    await refused.getByRole("button", { name: "Ubah" }).click();
    await page.locator('input[name="perihal"]').waitFor();
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe(title);
    await page.getByTestId("use-gps").click();
    await page.getByTestId("whereabouts").filter({ hasText: "Kec. Paringin" }).waitFor();
    await page.getByTestId("save-report").click();
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("refused").count()).toBe(0);

    const admin = await request.newContext({ baseURL: rig.server.baseUrl });
    await admin.post("/api/auth/login", { data: { username: "admin", password: DEMO_PASSWORD } });
    const list = (await (await admin.get("/api/reports?limit=500")).json()) as { data: ReportView[] };
    expect(list.data.filter((r) => r.perihal === title).map((r) => r.kecamatan.kode)).toEqual(["63.11.06"]);
    await admin.dispose();
    await page.close();
  });

  it("files today's daily report from the banner, which then goes away", async () => {
    const page = await phone.newPage();
    await page.goto(`${rig.server.baseUrl}/m/`);
    await page.getByTestId("daily-owed").waitFor();
    await page.getByTestId("daily-owed").getByRole("button").click();
    await page.locator('input[name="period"]').waitFor();
    await page.locator('textarea[name="perBidang.politik"]').fill("Persiapan pilkades berjalan lancar");
    await page.getByTestId("save-report").click();
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("daily-owed").count()).toBe(0);
    await page.reload();
    await page.getByTestId("officer-home").waitFor();
    // After a reload the server's list (kind daily, today's WITA date) keeps the banner away.
    await page.getByTestId("sync-status").waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId("daily-owed").count()).toBe(0);
    await page.close();
  });
});
