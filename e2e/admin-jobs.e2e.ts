import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { witaDate } from "../web-kit/src/wita.ts";
import { artifactPath } from "./lib/artifacts.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/**
 * The admin's pages for scheduled jobs and reporting duties, on the real server (jobs on, as in
 * production): a rollup run by hand followed live to its outcome, and a holiday added and deleted.
 */
describe("admin: scheduled jobs and reporting duties", () => {
  const rig = useServerAndBrowser();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await rig.browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    await signInDashboard(page, rig.server.baseUrl, "admin", { path: "/login?next=/admin/jobs" });
    await page.getByTestId("whoami").waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  it("runs rollup-daily for a past day and follows its progress to the outcome", async () => {
    const row = page.locator('[data-testid=job-row][data-job="rollup-daily"]');
    await row.waitFor();
    expect(await row.getByTestId("job-schedule").textContent()).toBe("Setiap hari pukul 00.05 WITA");
    await page.locator('[data-testid=jobs-connection][data-state="live"]').waitFor();

    // Every state the progress bars pass through, as the page draws them.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const note = () => {
        for (const el of document.querySelectorAll<HTMLElement>('[data-testid=job-row][data-job="rollup-daily"] [data-testid=job-progress]')) {
          const state = `${el.dataset.outcome} ${el.dataset.done}/${el.dataset.total}`;
          if (seen.at(-1) !== state) seen.push(state);
        }
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    });

    const day = witaDate(Date.now() - 10 * 86_400_000);
    await row.getByTestId("job-period").fill(day);
    // The scheduler catches up when the server starts: the button waits until no run of the job is going.
    const button = row.locator("[data-testid=job-run]:not([disabled])");
    await button.waitFor({ timeout: 60_000 });
    // This run's id from the server's answer: the scheduler may start a run of its own right after ours.
    const started = page.waitForResponse((r) => r.url().endsWith("/api/jobs/rollup-daily/run") && r.request().method() === "POST");
    await button.click();
    const { runId } = ((await (await started).json()) as { data: { runId: number } }).data;
    // Said once the server took the run.
    await page.locator("[data-testid=jobs-notice]", { hasText: day }).waitFor();

    const finished = row.locator(`[data-testid=job-progress][data-run-id="${runId}"][data-outcome="ok"]`);
    await finished.waitFor({ timeout: 60_000 });
    const done = Number(await finished.getAttribute("data-done"));
    expect(done).toBeGreaterThan(0);
    expect(await finished.getAttribute("data-total")).toBe(String(done));
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.at(-1)).toBe(`ok ${done}/${done}`);

    // The history's row of this very run (the database may hold earlier runs of the day).
    const outcome = page.locator(`[data-testid=job-run-row][data-run-id="${runId}"]`);
    await outcome.waitFor();
    expect(await outcome.getAttribute("data-period")).toBe(day);
    expect(await outcome.getAttribute("data-outcome")).toBe("ok");
    await page.screenshot({ path: artifactPath("admin-jobs.png") });
    // The page scrolls inside the app's main area, so a full-page shot would not reach the history.
    await outcome.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath("admin-jobs-runs.png") });
  });

  it("asks before a long run and can be cancelled", async () => {
    const row = page.locator('[data-testid=job-row][data-job="rollup-quarterly"]');
    await row.locator("[data-testid=job-run]:not([disabled])").waitFor({ timeout: 60_000 });
    await row.getByTestId("job-run").click();
    const confirm = row.getByTestId("job-confirm");
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/membangun ulang 9[0-2] hari/);
    await row.getByTestId("job-confirm-cancel").click();
    await confirm.waitFor({ state: "detached" });
  });

  it("shows a bad deadline beside its field, then adds a holiday, lists it and deletes it", async () => {
    await page.goto(`${rig.server.baseUrl}/admin/duties`);
    const settings = page.getByTestId("duty-settings");
    await settings.waitFor();
    await page.fill('input[name="monthly.day"]', "31");
    await page.getByTestId("duty-settings-save").click();
    await page.locator('[data-field-error="monthly.day"]').waitFor();

    // Next year (the latest the API takes), whose duties no other suite judges; chosen on the page.
    const year = Number(witaDate(Date.now()).slice(0, 4)) + 1;
    await page.getByTestId("duties-year").selectOption(String(year));
    const day = `${year}-03-17`;
    const name = `Libur uji ${Date.now().toString(36)}`;
    await page.fill("input[name=day]", day);
    await page.fill("input[name=name]", name);
    await page.getByTestId("holiday-add-submit").click();
    const holiday = page.locator(`[data-testid=holiday-row][data-day="${day}"]`);
    await holiday.waitFor();
    expect(await holiday.textContent()).toContain(name);
    expect(await page.getByTestId("duties-notice").textContent()).toContain(day);
    await page.screenshot({ path: artifactPath("admin-duties.png") });

    await holiday.getByTestId("holiday-delete").click();
    await holiday.waitFor({ state: "detached" });
    expect(await page.getByTestId("duties-notice").textContent()).toContain(day);
  });

  it("adds an officer's leave from the officer picker and deletes it", async () => {
    const form = page.getByTestId("leave-add");
    const officer = form.locator("select[name=officerId]");
    await officer.locator("option:nth-child(2)").waitFor({ state: "attached" });
    await officer.selectOption({ index: 1 });
    const officerId = await officer.inputValue();
    const year = Number(witaDate(Date.now()).slice(0, 4)) + 1;
    await form.locator("input[name=firstDay]").fill(`${year}-04-06`);
    // The last day before the first: the server's refusal shows beside the field.
    await form.locator("input[name=lastDay]").fill(`${year}-04-01`);
    await page.getByTestId("leave-add-submit").click();
    await form.locator('[data-field-error="lastDay"]').waitFor();
    await form.locator("input[name=lastDay]").fill(`${year}-04-08`);
    await form.locator("input[name=reason]").fill("Cuti uji");
    await page.getByTestId("leave-add-submit").click();
    const leave = page.locator(`[data-testid=leave-row][data-officer="${officerId}"]`);
    await leave.waitFor();
    expect(await leave.textContent()).toContain("Cuti uji");
    await leave.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath("admin-duties-leave.png") });
    await leave.getByTestId("leave-delete").click();
    await leave.waitFor({ state: "detached" });
  });
});
