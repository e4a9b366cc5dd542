import type { APIRequestContext, Browser } from "playwright-core";
import { request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath, DEMO_PASSWORD } from "./lib/artifacts.ts";
import { launchBrowser } from "./lib/browser.ts";
import { startServer, type E2eServer } from "./lib/server.ts";

/** An officer's REST session, standing in for the phone app. */
async function officerSession(baseUrl: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const res = await api.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

describe("ops feed", () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows reports already in and those arriving live, in the verifier's regions only", async () => {
    const juai = await officerSession(server.baseUrl, "petugas.juai");
    const before = situationReport({ perihal: "Laporan sebelum verifikator membuka", location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    expect((await juai.post("/api/reports", { data: before })).status()).toBe(201);

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill("input[name=username]", "verifikator.utara");
    await page.fill("input[name=password]", DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
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
    const paringin = await officerSession(server.baseUrl, "petugas.paringin");
    const elsewhere = situationReport({ perihal: "Laporan wilayah selatan" });
    expect((await paringin.post("/api/reports", { data: elsewhere })).status()).toBe(201);
    const marker = situationReport({ perihal: "Penanda urutan", location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    expect((await juai.post("/api/reports", { data: marker })).status()).toBe(201);
    await page.getByTestId("ops-report").filter({ hasText: "Penanda urutan" }).waitFor();
    expect(await page.getByTestId("ops-report").filter({ hasText: "Laporan wilayah selatan" }).count()).toBe(0);
    expect(await page.getByTestId("ops-report").count()).toBe(3);

    await page.screenshot({ path: artifactPath("dashboard-ops.png") });
    await Promise.all([juai.dispose(), paringin.dispose(), ctx.close()]);
  });
});
