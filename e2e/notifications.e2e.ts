import type { APIRequestContext, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";
import { apiSession, submitReports } from "./lib/verification.ts";

const PARINGIN = "63.11.06";
const tag = Date.now().toString(36);
const GUEST = { username: `warga.notif.${tag}`, password: "Warga-balangan-1" };

/**
 * A guest's notification centre in Chromium against the demo server: the bell appears only when signed in
 * (the anonymous map never downloads its code), and a publication matching the guest's subscription shows
 * up live in it. Only this run's own guest and report are asserted on.
 */
describe("notifications: a guest's bell", () => {
  const rig = useServerAndBrowser();
  let admin: APIRequestContext;
  let officer: APIRequestContext;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [admin, officer] = await Promise.all([apiSession(rig.server.baseUrl, "admin"), apiSession(rig.server.baseUrl, "petugas.paringin")]);
    const guest = await (await import("playwright-core")).request.newContext({ baseURL: rig.server.baseUrl });
    const registered = await guest.post("/api/auth/register", { data: { ...GUEST, displayName: "Warga Uji", consent: true } });
    expect(registered.status(), await registered.text()).toBe(201);
    const res = await guest.put("/api/notifications/subscriptions", { data: { enabled: true, kecamatan: [PARINGIN], bidang: [] } });
    expect(res.status(), await res.text()).toBe(200);
    await guest.dispose();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all([admin?.dispose(), officer?.dispose()]);
  });

  it("does not load the bell for anonymous visitors", async () => {
    const context = await rig.browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await page.goto(`${rig.server.baseUrl}/`);
    await page.getByTestId("login-link").waitFor();
    await page.waitForTimeout(500);
    expect(scripts.filter((u) => /Notification|notification/.test(u))).toEqual([]);
    expect(await page.getByTestId("notification-bell").count()).toBe(0);
  });

  it("shows a matching publication live in the signed-in guest's bell, and marks it read", async () => {
    const context = await rig.browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInDashboard(page, rig.server.baseUrl, GUEST.username, { password: GUEST.password });
    await page.getByTestId("notification-bell").waitFor();

    const title = `Musyawarah warga ${tag}`;
    const [id] = await submitReports(officer, [situationReport({ perihal: title, location: { ...POINTS.paringin, accuracyM: 10, source: "gps" } })]);
    const version = async () => ((await (await admin.get(`/api/reports/${id}`)).json()) as { data: { version: number } }).data.version;
    expect((await admin.post(`/api/reports/${id}/status`, { data: { status: "verified", version: await version() } })).status()).toBe(200);
    expect((await admin.post(`/api/reports/${id}/publish`, { data: { version: await version(), title } })).status()).toBe(200);

    await page.getByTestId("notification-count").waitFor({ timeout: 15_000 });
    await page.getByTestId("notification-bell").click();
    const item = page.getByTestId("notification-item").filter({ hasText: title });
    await item.waitFor();
    expect(await item.locator("a").getAttribute("href")).toBe(`/laporan/${id}`);
    await page.screenshot({ path: artifactPath("notifications-bell-1366.png") });
    await page.getByTestId("notification-mark-all").click();
    await page.getByTestId("notification-count").waitFor({ state: "detached" });
  });

  it("serves the push service worker from the site root", async () => {
    const res = await admin.get("/sw-push.js");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("javascript");
    expect(await res.text()).toContain("notificationclick");
  });
});
