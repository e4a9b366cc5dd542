/**
 * A report sent back for revision, from the phone to the verification desk: the officer submits a
 * situation report, the verifier asks for a revision with a note, the phone shows the note with "Ubah",
 * the officer changes one fact and resends (offline, delivered when signal returns), and the verifier's
 * detail page shows revision 2 with that one field changed.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { ReportDetail, RevisionDiff } from "@contract/report-detail.ts";
import type { ReportView } from "@contract/reports.ts";
import { artifactPath, fullPageShot } from "./lib/artifacts.ts";
import { signInDashboard, signInPhone } from "./lib/sign-in.ts";
import { fillSituationForm } from "./lib/situation-form.ts";
import { useServerAndBrowser } from "./lib/suite.ts";
import { apiSession } from "./lib/verification.ts";

/** Paringin Kota, Kecamatan Paringin (63.11.06): the southern verifier's region. */
const PARINGIN_KOTA = { latitude: -2.3217, longitude: 115.4584 };
const NOTE = "Jumlah massa kurang tepat, mohon diperiksa ulang di lapangan.";

describe("revisions from the phone", () => {
  const contexts: BrowserContext[] = [];
  const rig = useServerAndBrowser();

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  it("the officer revises from the phone and the verifier sees the new revision and its diff", async () => {
    const title = `E2E revisi ${Date.now().toString(36)}`;
    const phone = await rig.browser.newContext({
      viewport: { width: 360, height: 740 },
      permissions: ["geolocation"],
      geolocation: { ...PARINGIN_KOTA, accuracy: 12 },
    });
    contexts.push(phone);
    const page = await phone.newPage();
    await signInPhone(page, rig.server.baseUrl, "petugas.paringin");

    // 1. The officer files the report.
    await page.getByTestId("new-situation").click();
    await fillSituationForm(page, title);
    await page.getByTestId("whereabouts").filter({ hasText: "Kec. Paringin" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("save-report").click();
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 30_000 });

    // 2. The verifier of Paringin asks for a revision, with a note.
    const desk = await apiSession(rig.server.baseUrl, "verifikator.selatan");
    const listed = (await (await desk.get(`/api/reports?q=${encodeURIComponent(title)}`)).json()) as { data: ReportView[] };
    expect(listed.data.map((r) => r.perihal)).toEqual([title]);
    const sent = listed.data[0]!;
    expect(sent.revision).toBe(1);
    const decided = await desk.post(`/api/reports/${sent.id}/status`, { data: { status: "revision_requested", note: NOTE, version: sent.version } });
    expect(decided.status(), await decided.text()).toBe(200);

    // 3. The phone shows the note (live) and "Ubah".
    await page.getByRole("button", { name: "Laporan saya" }).click();
    const item = page.locator(`[data-testid="my-report"][data-id="${sent.id}"]`);
    await item.and(page.locator('[data-state="revision_requested"]')).waitFor({ timeout: 30_000 });
    expect(await item.getByTestId("revision-note").textContent()).toContain(NOTE);
    // The demo officer has many reports: the shot is of this one, not a 9,000-pixel list.
    await item.screenshot({ path: artifactPath("revision-phone-note.png") });

    // 4. The form opens filled with what was sent; the officer changes one fact and saves it offline.
    await item.getByTestId("revise").click();
    await page.getByTestId("revise-note").filter({ hasText: NOTE }).waitFor();
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe(title);
    expect(await page.locator('textarea[name="fakta.siapa"]').inputValue()).toBe("Sekitar 50 warga");
    expect(await page.locator('input[name="fakta.jumlahMassa"]').inputValue()).toBe("50");
    await page.locator('input[name="fakta.jumlahMassa"]').fill("120");
    await fullPageShot(page, "revision-phone-form.png");
    await phone.setOffline(true);
    await page.getByTestId("save-report").click();
    // Saved once the form has left by itself (history.back()); a hash set before that would be what it leaves.
    await page.getByTestId("save-report").waitFor({ state: "detached" });
    await page.evaluate(() => (location.hash = "#/laporan-saya"));
    const queued = page.locator('[data-testid="my-report"][data-state="queued"]', { hasText: title });
    await queued.waitFor();
    expect(await queued.textContent()).toContain("Revisi");
    expect(await item.getByTestId("revise").count()).toBe(0); // one revision at a time
    await page.screenshot({ path: artifactPath("revision-phone-queued.png") });

    // 5. Signal returns: the revision goes out once, and the report is back in review as revision 2.
    await phone.setOffline(false);
    await item.and(page.locator('[data-state="submitted"]')).filter({ hasText: "Revisi ke-2" }).waitFor({ timeout: 60_000 });
    // The queued line goes when the outbox has dropped it, which may follow the server's news by a moment.
    await queued.waitFor({ state: "detached" });
    expect(await item.getByTestId("revision-note").count()).toBe(0);
    await item.screenshot({ path: artifactPath("revision-phone-resent.png") });

    const detail = ((await (await desk.get(`/api/reports/${sent.id}`)).json()) as { data: ReportDetail }).data;
    expect(detail).toMatchObject({ status: "submitted", revision: 2, revisionCount: 2, perihal: title });
    const diff = ((await (await desk.get(`/api/reports/${sent.id}/diff?from=1&to=2`)).json()) as { data: RevisionDiff }).data;
    // The form kept everything else exactly as it was sent.
    expect(diff.changes.map((c) => c.path)).toEqual(["body.fakta.jumlahMassa"]);
    expect(diff.changes[0]).toMatchObject({ before: 50, after: 120 });
    await desk.dispose();

    // 6. The verifier opens the report on the dashboard: revision 2 of 2, and the changed field.
    const office = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(office);
    const ops = await office.newPage();
    await signInDashboard(ops, rig.server.baseUrl, "verifikator.selatan", { path: `/login?next=${encodeURIComponent(`/ops/reports/${sent.id}`)}` });
    await ops.locator(`[data-testid="report-detail"][data-report-id="${sent.id}"][data-status="submitted"]`).waitFor({ timeout: 30_000 });
    await ops.getByText("revisi 2 dari 2").waitFor();
    const row = ops.locator('[data-testid="revision-diff"] [data-testid="diff-row"][data-path="body.fakta.jumlahMassa"][data-changed="true"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toMatch(/50.*120/);
    expect(await ops.locator('[data-testid="diff-row"][data-changed="true"]').count()).toBe(1);
    await row.scrollIntoViewIfNeeded();
    await ops.screenshot({ path: artifactPath("revision-dashboard-diff.png"), fullPage: true });
  });
});
