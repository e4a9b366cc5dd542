import { describe, expect, it } from "vitest";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

const JUAI = "63.11.01";

describe("admin issues an officer account", () => {
  const rig = useServerAndBrowser();

  it("creates an officer on the dashboard who can then log in on the officer app", async () => {
    const username = `petugas.e2e${Date.now().toString(36)}`;
    const password = "Kopi-Pagi-Di-Juai-2026";

    const admin = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await admin.newPage();
    await signInDashboard(page, rig.server.baseUrl, "admin");
    await page.getByTestId("nav-users").waitFor();
    await page.getByTestId("nav-users").click();
    await page.getByTestId("users-table").waitFor();

    // A 400 first: the server's field messages appear beside the fields.
    await page.getByTestId("user-new").click();
    await page.getByTestId("user-save").click();
    await page.locator('[data-field-error="username"]').waitFor();

    await page.fill("input[name=username]", username);
    await page.fill("input[name=displayName]", "Petugas Uji Juai");
    await page.selectOption("select[name=role]", "officer");
    await page.selectOption("select[name=kecamatanKode]", JUAI);
    await page.fill("input[name=position]", "Agen Informasi Kecamatan");
    await page.fill("input[name=password]", password);
    await page.getByTestId("user-save").click();
    await page.getByTestId("users-notice").waitFor();
    expect(await page.getByTestId("users-notice").textContent()).toContain(username);
    await page.locator(`[data-testid=user-row][data-username="${username}"]`).waitFor();
    await page.screenshot({ path: artifactPath("admin-users.png") });

    // The audit log shows the creation.
    await page.getByTestId("nav-audit").click();
    await page.locator('[data-testid=audit-row][data-action="user.created"]').first().waitFor();
    await admin.close();

    const phone = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    await mobile.goto(`${rig.server.baseUrl}/m/`);
    await mobile.fill("input[name=username]", username);
    await mobile.fill("input[name=password]", password);
    await mobile.click("button[type=submit]");
    await mobile.locator('[data-testid="officer-home"]').waitFor();
    await mobile.screenshot({ path: artifactPath("officer-home.png") });
    await phone.close();
  });

  it("shows a one-time password once when the admin gives none", async () => {
    const ctx = await rig.browser.newContext();
    const page = await ctx.newPage();
    await signInDashboard(page, rig.server.baseUrl, "admin", { path: "/login?next=/users" });
    await page.getByTestId("user-new").click();
    await page.fill("input[name=username]", "verifikator.e2e");
    await page.fill("input[name=displayName]", "Verifikator Uji");
    await page.selectOption("select[name=role]", "verifier");
    await page.check(`input[name=verifierRegions][value="${JUAI}"]`);
    await page.getByTestId("user-save").click();
    const otp = await page.getByTestId("one-time-password-value").textContent();
    expect(otp?.trim().length).toBeGreaterThanOrEqual(10);
    await page.getByTestId("one-time-password-done").click();
    expect(await page.getByTestId("one-time-password").count()).toBe(0);

    // The new verifier must replace the temporary password before anything else.
    const other = await rig.browser.newContext();
    const v = await other.newPage();
    await signInDashboard(v, rig.server.baseUrl, "verifikator.e2e", { password: otp!.trim() });
    await v.getByTestId("must-change-password").waitFor();
    await Promise.all([ctx.close(), other.close()]);
  });
});
