import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";
import { apiSession, createNorthVerifier, submitReports } from "./lib/verification.ts";

/**
 * The verification desk with two verifiers of one region, in two browser contexts: a report opened by one
 * is claimed, and the other sees it held live and cannot decide on it until it is released; bulk triage
 * answers per report.
 */
describe("verification workspace", () => {
  const rig = useServerAndBrowser();
  // Unique per run: in CI the suites share one database.
  const tag = Date.now().toString(36);
  const second = { username: `verifikator.uji${tag}`, displayName: `Verifikator Uji ${tag}` };
  const first = { username: "verifikator.utara", displayName: "Verifikator Wilayah Utara" };
  const perihal = (what: string) => `Uji verifikasi ${what} ${tag}`;
  let ids: string[] = [];
  let deskA: Page;
  let deskB: Page;

  beforeAll(async () => {
    await createNorthVerifier(rig.server.baseUrl, second.username, second.displayName);
    const juai = await apiSession(rig.server.baseUrl, "petugas.juai");
    const at = { ...POINTS.juai, accuracyM: 8, source: "gps" };
    ids = await submitReports(juai, [
      situationReport({ perihal: perihal("klaim"), kerawanan: "tinggi", location: at }),
      situationReport({ perihal: perihal("massal satu"), location: at }),
      situationReport({ perihal: perihal("massal dua"), location: at, classification: "rahasia" }),
      situationReport({ perihal: perihal("massal tiga"), location: at }),
    ]);
    await juai.dispose();
    const [a, b] = await Promise.all([rig.browser.newContext({ viewport: { width: 1366, height: 900 } }), rig.browser.newContext({ viewport: { width: 1366, height: 900 } })]);
    [deskA, deskB] = await Promise.all([a.newPage(), b.newPage()]);
  });

  afterAll(async () => {
    await Promise.all([deskA?.context().close(), deskB?.context().close()]);
  });

  const row = (page: Page, id: string) => page.locator(`[data-testid="ops-report"][data-report-id="${id}"]`);

  it("shows a report claimed by one verifier to the other live, with no decision offered, until it is released", async () => {
    const [claimId] = ids as [string];
    await signInDashboard(deskB, rig.server.baseUrl, second.username);
    await deskB.locator('[data-testid="ops-connection"][data-state="live"]').waitFor();
    await row(deskB, claimId).locator('button[data-decision="verified"]').waitFor();

    // The first verifier opens the report's detail: it is claimed for as long as it stays open.
    await signInDashboard(deskA, rig.server.baseUrl, first.username, { path: `/login?next=${encodeURIComponent(`/ops/reports/${claimId}`)}` });
    await deskA.locator(`[data-testid="report-detail"][data-report-id="${claimId}"]`).waitFor();
    await deskA.locator('[data-testid="claim-bar"][data-mine="true"]').waitFor();
    expect(await deskA.getByTestId("li-fakta").textContent()).toContain("Sekitar 50 warga desa");
    expect(await deskA.getByTestId("detail-author").textContent()).toContain("NIP");
    // No tile loads here: the place map's ground is the kecamatan's desa outlines, the report's own desa shaded.
    await deskA.locator(".detail-map path.desa-outline--own").waitFor();
    expect(await deskA.locator(".detail-map path.desa-outline").count()).toBeGreaterThan(3);

    // The other desk learns it live: held by the first verifier, and no decision buttons on the row.
    await row(deskB, claimId).locator('[data-testid="claim-badge"]').filter({ hasText: first.displayName }).waitFor();
    await row(deskB, claimId).getByTestId("decide-held").waitFor();
    expect(await row(deskB, claimId).locator("button[data-decision]").count()).toBe(0);
    await deskA.screenshot({ path: artifactPath("verification-detail-claimed.png"), fullPage: true });
    await deskB.screenshot({ path: artifactPath("verification-queue-held.png") });

    // Opened on the second desk too, the detail names the holder and offers no decision.
    await deskB.getByTestId("ops-report").filter({ hasText: perihal("klaim") }).getByTestId("ops-open").click();
    await deskB.locator('[data-testid="claim-bar"][data-mine="false"]').filter({ hasText: first.displayName }).waitFor();
    expect(await deskB.locator("[data-testid=report-detail] button[data-decision]").count()).toBe(0);
    await deskB.getByRole("link", { name: /Kembali ke antrean/ }).click();
    await row(deskB, claimId).getByTestId("decide-held").waitFor();

    // The first verifier leaves the report: the claim is released and the second sees it free again.
    await deskA.getByRole("link", { name: /Kembali ke antrean/ }).click();
    await deskA.locator('[data-testid="ops-connection"][data-state="live"]').waitFor();
    await row(deskB, claimId).locator('button[data-decision="verified"]').waitFor();
    expect(await row(deskB, claimId).getByTestId("claim-badge").count()).toBe(0);
    await deskB.screenshot({ path: artifactPath("verification-queue-released.png") });
  });

  it("verifies in bulk and says per report what happened: applied, or held by the other verifier", async () => {
    const [, one, two, three] = ids as [string, string, string, string];
    // The first verifier holds one of them.
    await deskA.goto(`${rig.server.baseUrl}/ops/reports/${three}`);
    await deskA.locator('[data-testid="claim-bar"][data-mine="true"]').waitFor();
    await row(deskB, three).getByTestId("claim-badge").waitFor();
    expect(await row(deskB, two).getByTestId("rahasia").textContent()).toBe("RAHASIA");

    for (const id of [one, two, three]) await row(deskB, id).getByTestId("ops-select").check();
    await deskB.getByTestId("bulk-count").filter({ hasText: "3 laporan dipilih" }).waitFor();
    await deskB.getByTestId("bulk-action").selectOption("verify");
    await deskB.getByTestId("bulk-apply").click();

    const result = (id: string) => deskB.locator(`[data-testid="bulk-result"][data-report-id="${id}"]`);
    await result(three).waitFor();
    expect(await result(one).getAttribute("data-outcome")).toBe("applied");
    expect(await result(two).getAttribute("data-outcome")).toBe("applied");
    expect(await result(three).getAttribute("data-outcome")).toBe("claimed");
    expect(await result(three).textContent()).toContain(first.displayName);
    for (const id of [one, two]) await deskB.locator(`[data-testid="ops-report"][data-report-id="${id}"][data-status="verified"]`).waitFor();
    expect(await row(deskB, three).getAttribute("data-status")).toBe("submitted");
    await deskB.screenshot({ path: artifactPath("verification-bulk-results.png") });
    await deskA.getByRole("link", { name: /Kembali ke antrean/ }).click();
  });

  it("holds a verification for ten seconds with an undo, and nothing is sent when it is undone", async () => {
    const [claimId] = ids as [string];
    await row(deskB, claimId).locator('button[data-decision="verified"]').click();
    await row(deskB, claimId).getByTestId("decide-pending").filter({ hasText: /dalam \d+ detik/ }).waitFor();
    await row(deskB, claimId).getByTestId("decide-undo").click();
    await row(deskB, claimId).locator('button[data-decision="verified"]').waitFor();
    await deskB.reload();
    await row(deskB, claimId).locator('button[data-decision="verified"]').waitFor();
    expect(await row(deskB, claimId).getAttribute("data-status")).toBe("submitted");
  });
});
