import type { APIRequestContext } from "playwright-core";
import { request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { signInDashboard, signInPhone } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/** An officer's REST session, standing in for the phone app. */
async function officerSession(baseUrl: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const res = await api.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

describe("ops feed", () => {
  const rig = useServerAndBrowser();

  it("shows reports already in and those arriving live, in the verifier's regions only", async () => {
    const juai = await officerSession(rig.server.baseUrl, "petugas.juai");
    const before = situationReport({ perihal: "Laporan sebelum verifikator membuka", location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    expect((await juai.post("/api/reports", { data: before })).status()).toBe(201);

    const ctx = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await signInDashboard(page, rig.server.baseUrl, "verifikator.utara");
    await page.locator('[data-testid="ops-connection"][data-state="live"]').waitFor();
    await page.getByTestId("ops-report").filter({ hasText: before.perihal as string }).waitFor();

    const live = situationReport({
      perihal: "Keributan antarwarga di pasar Juai",
      kerawanan: "tinggi",
      location: { ...POINTS.juai, accuracyM: 8, source: "gps" },
    });
    const res = await juai.post("/api/reports", { data: live });
    expect(res.status()).toBe(201);
    const { data } = (await res.json()) as { data: { id: string } };
    const row = page.locator(`[data-testid="ops-report"][data-report-id="${data.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain("Juai");
    expect(await row.locator("[data-kerawanan]").first().getAttribute("data-kerawanan")).toBe("tinggi");
    expect(await row.textContent()).toMatch(/\d{2}\.\d{2} WITA/);
    await page.locator("path.ops-marker--tinggi").first().waitFor();

    // Paringin is the southern verifier's: it never reaches this screen.
    const paringin = await officerSession(rig.server.baseUrl, "petugas.paringin");
    const elsewhere = situationReport({ perihal: "Laporan wilayah selatan" });
    expect((await paringin.post("/api/reports", { data: elsewhere })).status()).toBe(201);
    const marker = situationReport({ perihal: "Penanda urutan", location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    expect((await juai.post("/api/reports", { data: marker })).status()).toBe(201);
    await page.getByTestId("ops-report").filter({ hasText: "Penanda urutan" }).waitFor();
    expect(await page.getByTestId("ops-report").filter({ hasText: "Laporan wilayah selatan" }).count()).toBe(0);
    // Other suites share the database in CI and file reports of their own (Halong is northern too), so the
    // rows are checked by place rather than counted: all in the verifier's four kecamatan, none elsewhere.
    const rows = await page.getByTestId("ops-report").allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const text of rows) {
      expect(text).toMatch(/Juai|Halong|Batu Mandi|Tebing Tinggi/);
      expect(text).not.toMatch(/Awayan|Lampihong|Paringin/);
    }

    await page.screenshot({ path: artifactPath("dashboard-ops.png") });
    await Promise.all([juai.dispose(), paringin.dispose(), ctx.close()]);
  });

  it("puts the verifier's decision, with its note, on the officer's phone as it is made", async () => {
    const juai = await officerSession(rig.server.baseUrl, "petugas.juai");
    const rejectMe = situationReport({ perihal: "Laporan untuk ditolak", location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    const verifyMe = situationReport({ perihal: "Laporan untuk diverifikasi", location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    const ids: string[] = [];
    for (const r of [rejectMe, verifyMe]) {
      const res = await juai.post("/api/reports", { data: r });
      expect(res.status()).toBe(201);
      ids.push(((await res.json()) as { data: { id: string } }).data.id);
    }
    const [rejectId, verifyId] = ids;

    const phoneCtx = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    const phone = await phoneCtx.newPage();
    await signInPhone(phone, rig.server.baseUrl, "petugas.juai");
    await phone.getByRole("button", { name: "Laporan saya" }).click();
    await phone.locator(`[data-testid="my-report"][data-id="${rejectId}"][data-state="submitted"]`).waitFor();

    const deskCtx = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desk = await deskCtx.newPage();
    await signInDashboard(desk, rig.server.baseUrl, "verifikator.utara");
    await desk.locator('[data-testid="ops-connection"][data-state="live"]').waitFor();

    const rejectRow = desk.locator(`[data-testid="ops-report"][data-report-id="${rejectId}"]`);
    await rejectRow.locator('button[data-decision="rejected"]').click();
    // No note, no rejection: the send button waits for one.
    expect(await rejectRow.getByTestId("decide-send").isDisabled()).toBe(true);
    await rejectRow.getByTestId("decide-note").fill("Foto tidak menunjukkan lokasi kejadian");
    await rejectRow.getByTestId("decide-send").click();
    await desk.locator(`[data-testid="ops-report"][data-report-id="${rejectId}"][data-status="rejected"]`).waitFor();
    expect(await rejectRow.textContent()).toContain("Catatan verifikator: Foto tidak menunjukkan lokasi kejadian");
    expect(await rejectRow.locator("button[data-decision]").count()).toBe(0);

    await desk.locator(`[data-testid="ops-report"][data-report-id="${verifyId}"] button[data-decision="verified"]`).click();
    await desk.locator(`[data-testid="ops-report"][data-report-id="${verifyId}"][data-status="verified"]`).waitFor();

    // The phone was open the whole time: both decisions arrive without a reload.
    const rejected = phone.locator(`[data-testid="my-report"][data-id="${rejectId}"][data-state="rejected"]`);
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain("Catatan verifikator: Foto tidak menunjukkan lokasi kejadian");
    await phone.locator(`[data-testid="my-report"][data-id="${verifyId}"][data-state="verified"]`).waitFor();

    await desk.screenshot({ path: artifactPath("dashboard-ops-decided.png") });
    await phone.screenshot({ path: artifactPath("phone-decision-received.png") });
    await Promise.all([juai.dispose(), phoneCtx.close(), deskCtx.close()]);
  });
});
