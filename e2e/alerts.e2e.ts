import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertView } from "@contract/alerts.ts";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath } from "./lib/artifacts.ts";
import { axeFindings } from "./lib/axe.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";
import { apiSession, submitReports } from "./lib/verification.ts";

/** Paringin, where the officer `petugas.paringin` serves and POINTS.paringin lies. */
const PARINGIN = "63.11.06";
const tag = Date.now().toString(36);

/** The critical alert standing on this report (the rules run after each report and on demand), once it exists. */
async function alertOfReport(admin: APIRequestContext, reportId: string): Promise<AlertView> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await admin.get("/api/alerts?status=all&rule=critical&limit=200");
    expect(res.status(), await res.text()).toBe(200);
    const found = ((await res.json()) as { data: AlertView[] }).data.find((a) => a.reportIds.includes(reportId));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no critical alert for report ${reportId}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A report at kerawanan sangat_tinggi from the Paringin officer: the condition of a critical alert. */
async function submitCritical(officer: APIRequestContext, what: string): Promise<string> {
  const [id] = await submitReports(officer, [
    situationReport({ perihal: `Bentrok warga ${what} ${tag}`, kerawanan: "sangat_tinggi", location: { ...POINTS.paringin, accuracyM: 10, source: "gps" } }),
  ]);
  return id!;
}

/**
 * The leader's early-warning view on the real server: a critical report opens an alert, the leader sees
 * it listed and its kecamatan coloured, acknowledges it with a note, and a second one arrives live.
 * Only this suite's own alerts are asserted on (suites share the database in CI).
 */
describe("early warning: the leader's alerts page", () => {
  const rig = useServerAndBrowser();
  let officer: APIRequestContext;
  let admin: APIRequestContext;
  let reportId: string;
  let alert: AlertView;
  const contexts: BrowserContext[] = [];

  async function leaderPage(viewport: { width: number; height: number }, path: string): Promise<Page> {
    // axe is injected as a script tag, which the page's CSP would refuse (dashboard-light checks the CSP).
    const context = await rig.browser.newContext({ viewport, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await signInDashboard(page, rig.server.baseUrl, "pimpinan", { path: `/login?next=${encodeURIComponent(path)}` });
    await page.getByTestId("whoami").waitFor();
    return page;
  }

  beforeAll(async () => {
    [officer, admin] = await Promise.all([apiSession(rig.server.baseUrl, "petugas.paringin"), apiSession(rig.server.baseUrl, "admin")]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await officer?.dispose();
    await admin?.dispose();
  });

  it("opens one critical alert, awas, for a report at kerawanan sangat tinggi", async () => {
    reportId = await submitCritical(officer, "pertama");
    const res = await admin.post("/api/alerts/evaluate", { data: {} });
    expect(res.status(), await res.text()).toBe(200);
    alert = await alertOfReport(admin, reportId);
    expect(alert).toMatchObject({ rule: "critical", severity: "awas", status: "open", kecamatanKode: PARINGIN, reportIds: [reportId] });
  });

  it("shows the leader the alert, its kecamatan coloured and its evidence, and takes an acknowledgement with a note", async () => {
    const page = await leaderPage({ width: 1366, height: 768 }, "/ops/alerts");
    await page.locator('[data-testid=alerts-connection][data-state="live"]').waitFor();
    const row = page.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-severity")).toBe("awas");
    expect(await row.getAttribute("data-status")).toBe("open");
    expect(await row.textContent()).toContain("Awas");
    expect(await row.textContent()).toContain("Laporan kritis");
    expect(await row.textContent()).toContain("WITA");

    // Paringin is awas, in words beside the list and in colour on the map.
    expect(await page.locator(`[data-testid=kecamatan-level][data-kode="${PARINGIN}"]`).getAttribute("data-level")).toBe("awas");
    await page.locator(`path.alert-level--awas.alert-kec-${PARINGIN.replace(/\./g, "-")}`).waitFor();

    await row.locator("button").click();
    const detail = page.locator(`[data-testid=alert-detail][data-alert-id="${alert.id}"]`);
    await detail.waitFor();
    expect(await page.getByTestId("alert-metrics").textContent()).toContain("Kerawanan sangat tinggi");
    const evidence = page.locator(`[data-testid=alert-evidence-item][data-report-id="${reportId}"]`);
    await evidence.waitFor();
    expect(await evidence.locator("a").getAttribute("href")).toBe(`/ops/reports/${reportId}`);
    await page.locator("path.alert-evidence-dot").first().waitFor();
    expect(page.url()).toContain(`alert=${alert.id}`);
    await page.screenshot({ path: artifactPath("alerts-leader-1366.png") });

    // An empty note is refused beside its field, before anything is sent.
    await page.getByTestId("alert-ack-submit").click();
    await page.locator('[data-testid=alert-ack-form] [data-field-error="note"]').waitFor();

    const note = `Tim gabungan dikirim ke lokasi ${tag}`;
    await page.getByTestId("alert-ack-note").fill(note);
    await page.getByTestId("alert-ack-submit").click();
    await page.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"][data-status="acknowledged"]`).waitFor();
    await page.locator(`[data-testid=alert-detail][data-status="acknowledged"]`).waitFor();
    expect(await page.getByTestId("alert-ack-note-text").textContent()).toBe(note);
    expect(await page.getByTestId("alert-ack-by").textContent()).toContain("Kepala Badan Kesbangpol");
    await page.locator("[data-testid=alerts-notice]", { hasText: alert.number }).waitFor();
    expect(await page.getByTestId("alert-ack-form").count()).toBe(0);

    const stored = await admin.get(`/api/alerts/${alert.id}`);
    expect(((await stored.json()) as { data: AlertView }).data).toMatchObject({ status: "acknowledged", acknowledgeNote: note });
    await page.screenshot({ path: artifactPath("alerts-leader-acknowledged-1366.png") });

    // A new critical report while the page is open: its alert appears without a reload, marked as news.
    const second = await submitCritical(officer, "kedua");
    const arrived = await alertOfReport(admin, second);
    const fresh = page.locator(`[data-testid=alert-row][data-alert-id="${arrived.id}"].alert-item--fresh`);
    await fresh.waitFor({ timeout: 15_000 });
    // The line says the latest news, which may be another alert the same report set off (a spike).
    expect(await page.getByTestId("alert-alarm").textContent()).toMatch(/^Peringatan (baru|meningkat): /);
    await page.screenshot({ path: artifactPath("alerts-leader-live-1366.png") });
  });

  it("fits a phone: list, the selected alert and the map in one column, with no serious axe finding", async () => {
    const page = await leaderPage({ width: 390, height: 844 }, `/ops/alerts?alert=${alert.id}`);
    await page.locator(`[data-testid=alert-detail][data-alert-id="${alert.id}"]`).waitFor();
    await page.locator(`[data-testid=alert-row][data-alert-id="${alert.id}"]`).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeFindings(page)).toEqual([]);
    await page.screenshot({ path: artifactPath("alerts-leader-390.png") });
    await page.getByTestId("alert-detail").scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath("alerts-leader-390-detail.png") });
  });

  it("lets an admin check the rules' settings beside their fields and run the rules now", async () => {
    const context = await rig.browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInDashboard(page, rig.server.baseUrl, "admin", { path: "/login?next=/ops/alerts%3Ftab%3Drules" });
    const form = page.getByTestId("alert-rules");
    await form.waitFor();
    // Refused locally by the contract's schema: nothing is saved, so other suites' rules stay as they are.
    await page.fill('input[name="spike.params.alpha"]', "0.5");
    await page.getByTestId("alert-rules-save").click();
    await page.locator('[data-field-error="spike.params.alpha"]').waitFor();
    await page.getByTestId("alert-rules-evaluate").click();
    await page.locator("[data-testid=alerts-notice]", { hasText: /Aturan dijalankan: \d+ peringatan berubah/ }).waitFor();
    await page.screenshot({ path: artifactPath("alerts-rules-1366.png") });
  });
});
