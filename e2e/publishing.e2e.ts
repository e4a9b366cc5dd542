import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";
import { apiSession, submitReports } from "./lib/verification.ts";

const tag = Date.now().toString(36);

async function verify(verifier: APIRequestContext, id: string): Promise<void> {
  const report = await verifier.get(`/api/reports/${id}`);
  const { version } = ((await report.json()) as { data: { version: number } }).data;
  const res = await verifier.post(`/api/reports/${id}/status`, { data: { status: "verified", version } });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * Publishing end to end on the real server: a verifier publishes from the report's detail; an anonymous
 * visitor's public map (opened before) shows it live, without a reload, and drops it live when it is
 * withdrawn; its shareable page says it is gone. Screenshots of the public view on a phone and a laptop.
 */
describe("publishing: from the verifier's desk to the public map, live", () => {
  const rig = useServerAndBrowser();
  const contexts: BrowserContext[] = [];
  let officer: APIRequestContext;
  let verifier: APIRequestContext;
  let reportId: string;
  const perihal = `Musyawarah damai sengketa batas kebun ${tag}`;

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await rig.browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    [officer, verifier] = await Promise.all([apiSession(rig.server.baseUrl, "petugas.paringin"), apiSession(rig.server.baseUrl, "verifikator.selatan")]);
    [reportId] = (await submitReports(officer, [situationReport({ perihal, kerawanan: "tinggi", location: { ...POINTS.paringin, accuracyM: 10, source: "gps" } })])) as [string];
    await verify(verifier, reportId);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all([officer?.dispose(), verifier?.dispose()]);
  });

  it("shows a publication on the open public map without a reload, tells a subscribed guest, and withdraws it live", async () => {
    // A resident registers on the dashboard and subscribes to Paringin from their profile.
    const guest = await newPage({ width: 1366, height: 768 });
    await guest.goto(`${rig.server.baseUrl}/login`);
    await guest.getByTestId("register-link").click();
    await guest.getByTestId("register-page").waitFor();
    await guest.locator("input[name=contact]").fill(`warga.${tag}@contoh.id`);
    await guest.locator("input[name=displayName]").fill("Warga Paringin");
    await guest.locator("input[name=password]").fill("Warga-balangan-2026");
    await guest.getByTestId("register-consent").check();
    await guest.getByTestId("register-submit").click();
    await guest.getByTestId("notification-settings").waitFor();
    await guest.getByTestId("notif-enabled").check();
    await guest.getByTestId("notif-kec-63.11.06").check();
    await guest.getByTestId("notif-save").click();
    await guest.getByText("Langganan disimpan.").waitFor();
    await guest.getByTestId("notification-bell").waitFor();

    const visitor = await newPage({ width: 1366, height: 768 });
    await visitor.goto(`${rig.server.baseUrl}/`);
    await visitor.locator("path.kecamatan-boundary").nth(7).waitFor();
    await visitor.locator('[data-testid="public-live"][data-state="live"]').waitFor();
    const item = visitor.locator(`[data-testid="public-item"][data-id="${reportId}"]`);
    expect(await item.count()).toBe(0);
    let reloaded = false;
    visitor.on("framenavigated", (frame) => frame === visitor.mainFrame() && (reloaded = true));

    // The verifier publishes from the report's detail, editing the drafted public title.
    const desk = await newPage({ width: 1366, height: 900 });
    await signInDashboard(desk, rig.server.baseUrl, "verifikator.selatan", { path: `/login?next=${encodeURIComponent(`/ops/reports/${reportId}`)}` });
    await desk.getByTestId("publish-panel").waitFor();
    const publicTitle = `Musyawarah damai di Paringin ${tag}`;
    await desk.getByTestId("publish-title").fill(publicTitle);
    await desk.getByTestId("publish-submit").click();
    await desk.locator('[data-testid="publish-panel"][data-published="true"]').waitFor();

    await item.waitFor({ timeout: 5_000 });
    expect(await item.textContent()).toContain(publicTitle);
    // The officer's own words beyond the title never reach the visitor.
    expect(await visitor.content()).not.toContain("petugas.paringin");
    expect(reloaded).toBe(false);

    await visitor.screenshot({ path: artifactPath("public-map-1366x768.png") });
    // The subscribed guest is told, in the bell, without a reload.
    await guest.getByTestId("notification-count").waitFor({ timeout: 15_000 });
    await guest.getByTestId("notification-bell").click();
    await guest.getByTestId("notification-item").filter({ hasText: publicTitle }).waitFor();
    await guest.screenshot({ path: artifactPath("public-guest-notification-1366x768.png") });
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${rig.server.baseUrl}/`);
    await phone.locator(`[data-testid="public-item"][data-id="${reportId}"]`).waitFor();
    await phone.screenshot({ path: artifactPath("public-map-390x844.png") });

    // Its shareable page, open while it is withdrawn.
    const shared = await newPage({ width: 390, height: 844 });
    await shared.goto(`${rig.server.baseUrl}/laporan/${reportId}`);
    await shared.getByRole("heading", { name: publicTitle }).waitFor();
    // The day in words ("Senin, 30 November 2026"), as the time of publication beside it.
    const day = shared.locator("dd time[datetime]");
    const kept = ((await (await shared.request.get(`${rig.server.baseUrl}/api/public/reports/${reportId}`)).json()) as { data: { day: string } }).data.day;
    expect(await day.getAttribute("datetime")).toBe(kept);
    const [y, , d] = kept.split("-").map(Number);
    expect(await day.textContent()).toMatch(new RegExp(`^\\p{L}+, ${d} \\p{L}+ ${y}$`, "u"));
    await shared.screenshot({ path: artifactPath("public-report-390x844.png") });

    await desk.locator(".publish-live details summary").click();
    await desk.getByTestId("unpublish-note").fill("Ditarik untuk perbaikan ringkasan");
    await desk.getByTestId("unpublish-submit").click();

    await item.waitFor({ state: "detached", timeout: 5_000 });
    await shared.getByTestId("public-report-gone").waitFor({ timeout: 5_000 });
    expect(reloaded).toBe(false);
  });
});
