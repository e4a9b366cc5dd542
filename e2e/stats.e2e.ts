import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scorecard, ScorecardDrilldown } from "@contract/duties.ts";
import type { JobRunView } from "@contract/jobs.ts";
import type { StatsTrend } from "@contract/rollups.ts";
import { addDays, isoWeekday, periodEnd, periodOf, periodStart, previousPeriod, witaDay } from "@contract/periods.ts";
import { dailyReport, POINTS, situationReport } from "../server/test/reports.ts";
import { artifactPath, DEMO_PASSWORD, fullPageShot } from "./lib/artifacts.ts";
import { axeFindings } from "./lib/axe.ts";
import { signInDashboard } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";
import { apiSession, submitReports } from "./lib/verification.ts";

/**
 * The statistics page and the reporting scorecard against a real server: a new officer's reports in a
 * quarter long past (so nothing else of the demo lands there), rolled up by the admin's manual job run,
 * must show on the charts and in the tables with the API's numbers; the officer's daily reports of a
 * recent month, one on time and one late, must show on the scorecard and in its drill-down.
 */
/**
 * The last full WITA month and three reporting days in a row in it: its second Monday to Wednesday, a
 * week on while a holiday falls among them. Taken from the clock, not fixed, because duties are judged
 * only so far back (duty-calendar.service.ts) and a fixed month would age out of the scorecard.
 */
async function scoreDays(admin: APIRequestContext): Promise<{ month: string; days: [string, string, string] }> {
  const month = previousPeriod("month", periodOf("month", witaDay(new Date())));
  const res = await admin.get(`/api/holidays?year=${month.slice(0, 4)}`);
  expect(res.status(), await res.text()).toBe(200);
  const holidays = new Set(((await res.json()) as { data: { day: string }[] }).data.map((h) => h.day));
  let monday = addDays(periodStart("month", month), 7);
  while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
  for (; addDays(monday, 2) < periodEnd("month", month); monday = addDays(monday, 7)) {
    const days: [string, string, string] = [monday, addDays(monday, 1), addDays(monday, 2)];
    if (!days.some((d) => holidays.has(d))) return { month, days };
  }
  throw new Error(`no Monday to Wednesday without a holiday in ${month}`);
}

describe("statistics and scorecard pages", () => {
  const rig = useServerAndBrowser();
  // Unique per run: in CI the suites share one database.
  const tag = Date.now().toString(36);
  const officer = { username: `petugas.statistik${tag}`, displayName: `Petugas Statistik ${tag}` };
  const STATS_URL = "/stats?period=month&from=2021-04-01&to=2021-06-30";
  /** The scorecard's month and three reporting days in a row in it (see scoreDays). */
  let SCORE_PERIOD = "";
  let day: [string, string, string] = ["", "", ""];
  let officerId = "";
  let situationIds: string[] = [];
  let dailyIds: string[] = [];
  let admin: APIRequestContext;
  let leader: APIRequestContext;
  let desk: Page;
  let phone: Page;
  /** Content-Security-Policy complaints on the desk (uPlot styles its elements from script, which CSP allows). */
  const cspErrors: string[] = [];

  const at = (where: { lat: number; lng: number }) => ({ ...where, accuracyM: 8, source: "gps" as const });

  beforeAll(async () => {
    const base = rig.server.baseUrl;
    admin = await apiSession(base, "admin");
    const made = await admin.post("/api/users", {
      data: { username: officer.username, displayName: officer.displayName, role: "officer", kecamatanKode: "63.11.01", password: DEMO_PASSWORD },
    });
    expect(made.status(), await made.text()).toBe(201);
    officerId = ((await made.json()) as { data: { user: { id: string } } }).data.user.id;

    ({ month: SCORE_PERIOD, days: day } = await scoreDays(admin));

    const field = await apiSession(base, officer.username);
    situationIds = await submitReports(field, [
      situationReport({ perihal: `Statistik politik ${tag}`, bidang: "politik", subCategory: "unjuk rasa", kerawanan: "tinggi", occurredAt: "2021-04-10T09:00:00+08:00", location: at(POINTS.juai) }),
      situationReport({ perihal: `Statistik ekonomi ${tag}`, bidang: "ekonomi", occurredAt: "2021-04-20T10:00:00+08:00", location: at(POINTS.juai) }),
      situationReport({ perihal: `Statistik Halong ${tag}`, bidang: "politik", subCategory: "ormas", occurredAt: "2021-05-15T08:00:00+08:00", location: at(POINTS.halong) }),
      situationReport({ perihal: `Statistik sosbud ${tag}`, bidang: "sosial-budaya", subCategory: "bencana", kerawanan: "sangat_tinggi", occurredAt: "2021-06-02T13:00:00+08:00", location: at(POINTS.juai) }),
      situationReport({ perihal: `Statistik Juni ${tag}`, bidang: "ekonomi", occurredAt: "2021-06-20T16:00:00+08:00", location: at(POINTS.halong) }),
    ]);
    // Daily reports of a recent month: the 1st saved on time, the 2nd saved the next morning (late).
    dailyIds = await submitReports(field, [
      { ...dailyReport(randomUUID(), day[0]), location: at(POINTS.juai), sentAt: `${day[0]}T18:00:00+08:00` },
      { ...dailyReport(randomUUID(), day[1]), location: at(POINTS.juai), sentAt: `${day[2]}T09:00:00+08:00` },
    ]);
    await field.dispose();
    // The officer owes reports from the month's start (an admin change: the duties are judged at once).
    const start = await admin.put(`/api/duties/officers/${officerId}`, { data: { owesFrom: periodStart("month", SCORE_PERIOD) } });
    expect(start.status(), await start.text()).toBe(200);

    // Two situation reports and one daily verified, so time-to-verify and the verification rate have data.
    const verifier = await apiSession(base, "verifikator.utara");
    for (const id of [situationIds[0]!, situationIds[2]!, dailyIds[0]!]) {
      const res = await verifier.post(`/api/reports/${id}/status`, { data: { status: "verified", version: 1 } });
      expect(res.status(), await res.text()).toBe(200);
    }
    await verifier.dispose();

    await runJob(admin, "rollup-quarterly", "2021-Q2");
    leader = await apiSession(base, "pimpinan");
    desk = await rig.browser.newPage({ viewport: { width: 1366, height: 768 } });
    desk.on("console", (m) => void (/Content Security Policy/i.test(m.text()) && cspErrors.push(m.text())));
    // axe is injected as a script tag, which the page's CSP would refuse: the phone's context bypasses it.
    phone = await rig.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
  });

  afterAll(async () => {
    await Promise.all([desk?.close(), phone?.close(), admin?.dispose(), leader?.dispose()]);
  });

  /** Poll `probe` until it answers something, or fail after `ms` (expect.poll is for tests, not hooks). */
  async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Start a job for a period as the admin (again while the scheduler's own run holds it) and wait for it to finish. */
  async function runJob(api: APIRequestContext, job: string, period: string) {
    const runId = await until(`${job} ${period} started`, async () => {
      const res = await api.post(`/api/jobs/${job}/run`, { data: { period } });
      if (res.status() === 202) return ((await res.json()) as { data: { runId: number } }).data.runId;
      expect(res.status(), await res.text()).toBe(409); // the scheduler's run of the job is still going
      return undefined;
    });
    const outcome = await until(`${job} ${period} finished`, async () => {
      const res = await api.get(`/api/jobs/runs?job=${job}&limit=20`);
      const run = ((await res.json()) as { data: JobRunView[] }).data.find((r) => r.id === runId);
      return run && run.outcome !== "running" ? run : undefined;
    });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ outcome: "ok" });
  }

  async function apiData<T>(api: APIRequestContext, path: string): Promise<T> {
    const res = await api.get(path);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { data: T }).data;
  }

  /** The table's body as numbers per row (its header cell first, as text). */
  const tableRows = (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? "")));

  it("charts the reports per bidang and kecamatan with the API's numbers in the tables beneath", async () => {
    await signInDashboard(desk, rig.server.baseUrl, "pimpinan", { path: `/login?next=${encodeURIComponent(STATS_URL)}` });
    await desk.getByTestId("stats-chart-bidang").locator("canvas").waitFor();
    await desk.locator('[data-testid="stats-body"][data-loading="false"]').waitFor();
    expect(await desk.getByTestId("stats-range").textContent()).toBe("Periode April 2021 sampai Juni 2021");

    const q = "period=month&from=2021-04-01&to=2021-06-30";
    const byBidang = await apiData<StatsTrend>(leader, `/api/stats/trend?${q}&groupBy=bidang`);
    const byKecamatan = await apiData<StatsTrend>(leader, `/api/stats/trend?${q}&groupBy=kecamatan`);
    expect(byBidang.periods).toEqual(["2021-04", "2021-05", "2021-06"]);
    // At least this run's reports (a shared CI database may hold another run's in the same months).
    expect(byBidang.total[0]).toBeGreaterThanOrEqual(2);
    expect(byBidang.total.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);

    const bidangRows = await tableRows(desk, "stats-table-bidang");
    expect(bidangRows.map((r) => r[0])).toEqual(["April 2021", "Mei 2021", "Juni 2021"]);
    const columns = (await desk.getByTestId("stats-table-bidang").locator("thead th").allTextContents()).slice(1);
    for (const [i, row] of bidangRows.entries()) {
      expect(row.at(-1), `total of ${byBidang.periods[i]}`).toBe(String(byBidang.total[i]));
      for (const s of byBidang.series) {
        const name = s.key === null ? "Laporan berkala (tanpa bidang)" : { politik: "Politik", ekonomi: "Ekonomi", "sosial-budaya": "Sosial Budaya", ideologi: "Ideologi", "pertahanan-keamanan": "Pertahanan dan Keamanan" }[s.key];
        expect(row[1 + columns.indexOf(name!)], `${s.key} in ${byBidang.periods[i]}`).toBe(String(s.values[i]));
      }
    }
    const kecRows = await tableRows(desk, "stats-table-kecamatan");
    for (const [i, row] of kecRows.entries()) expect(row.at(-1)).toBe(String(byKecamatan.total[i]));
    const kecColumns = await desk.getByTestId("stats-table-kecamatan").locator("thead th").allTextContents();
    expect(kecColumns).toEqual(expect.arrayContaining(["Juai", "Halong"]));

    // Time to verify: April and May had a verification, so their median is a duration, not a dash.
    const verifyRows = await tableRows(desk, "stats-table-verify");
    expect(verifyRows[0]![1]).toBe(String(byBidang.verify.n[0]));
    expect(byBidang.verify.n[0]).toBeGreaterThanOrEqual(1);
    expect(verifyRows[0]![2]).toMatch(/\d+ (dtk|mnt|j|h)/);
    await desk.getByTestId("stats-chart-verify").locator("canvas").waitFor();
    await desk.getByTestId("stats-chart-kecamatan").locator("canvas").waitFor();
    expect(await desk.getByTestId("stats-table-bidang").locator("caption").textContent()).toContain("Laporan per bidang");
    expect(cspErrors).toEqual([]);
    await fullPageShot(desk, "stats-desk-1366.png");
    await desk.screenshot({ path: artifactPath("stats-desk-1366x768.png") });
  });

  it("keeps the filters in the URL and redraws the charts to the window's width", async () => {
    await desk.getByTestId("stats-period").selectOption("quarter");
    await expect.poll(() => new URL(desk.url()).searchParams.get("period")).toBe("quarter");
    await desk.locator('[data-testid="stats-table-bidang"] tbody tr[data-key="2021-Q2"]').waitFor();
    const quarter = await apiData<StatsTrend>(leader, "/api/stats/trend?period=quarter&from=2021-04-01&to=2021-06-30&groupBy=bidang");
    expect((await tableRows(desk, "stats-table-bidang"))[0]!.at(-1)).toBe(String(quarter.total[0]));

    // A link with a bidang filter opens the same view for anyone it is shared with.
    await desk.goto(`${rig.server.baseUrl}/stats?period=quarter&from=2021-04-01&to=2021-06-30&bidang=politik`);
    await desk.locator('[data-testid="stats-body"][data-loading="false"]').waitFor();
    expect(await desk.getByTestId("stats-filter-bidang").locator("summary").textContent()).toBe("Bidang: 1 dipilih");
    const politik = await apiData<StatsTrend>(leader, "/api/stats/trend?period=quarter&from=2021-04-01&to=2021-06-30&groupBy=bidang&bidang=politik");
    expect((await tableRows(desk, "stats-table-bidang"))[0]!.at(-1)).toBe(String(politik.total[0]));
    expect(politik.total[0]).toBeGreaterThanOrEqual(2);

    const canvas = desk.getByTestId("stats-chart-bidang").locator("canvas");
    const wide = (await canvas.boundingBox())!.width;
    await desk.setViewportSize({ width: 900, height: 768 });
    await expect.poll(async () => (await canvas.boundingBox())!.width).toBeLessThan(wide - 200);
    await desk.setViewportSize({ width: 1366, height: 768 });
  });

  it("fits a phone's width", async () => {
    await signInDashboard(phone, rig.server.baseUrl, "verifikator.utara", { path: `/login?next=${encodeURIComponent(STATS_URL)}` });
    await phone.getByTestId("stats-chart-bidang").locator("canvas").waitFor();
    await phone.locator('[data-testid="stats-body"][data-loading="false"]').waitFor();
    expect((await phone.getByTestId("stats-chart-bidang").locator("canvas").boundingBox())!.width).toBeLessThanOrEqual(390);
    expect(await axeFindings(phone)).toEqual([]);
    await phone.screenshot({ path: artifactPath("stats-phone-390x844.png") });
    await fullPageShot(phone, "stats-phone-390-full.png");
  });

  it("shows the officer's duties on the scorecard, rated in words, with a drill-down to the reports", async () => {
    const url = `/ops/scorecard?period=${SCORE_PERIOD}&kecamatan=63.11.01`;
    await desk.goto(`${rig.server.baseUrl}${url}`);
    const row = desk.locator(`[data-testid="score-officer"][data-officer-id="${officerId}"]`);
    await row.waitFor();
    const card = await apiData<Scorecard>(leader, `/api/duties/scorecard?period=${SCORE_PERIOD}&kecamatan=63.11.01`);
    const mine = card.officers.find((o) => o.officerId === officerId)!;
    expect(mine).toMatchObject({ onTime: 1, late: 1, reports: 2, verified: 1, verificationRate: 1 });
    expect(mine.missing).toBeGreaterThan(0);
    const cell = (col: string) => row.locator(`td[data-col="${col}"]`).textContent();
    for (const col of ["owed", "onTime", "late", "missing", "pending", "reports"] as const) expect(await cell(col), col).toBe(String(mine[col]));
    expect(await cell("verificationRate")).toMatch(/^100\s?%$/);
    // Mostly missing: rated poor, in words as well as in colour.
    expect(await row.getByTestId("score-tone").textContent()).toBe("Kurang");
    expect(await row.getByTestId("score-tone").getAttribute("data-tone")).toBe("bad");
    expect(await desk.locator('[data-testid="score-kecamatan-row"][data-kecamatan="63.11.01"] td').first().textContent()).toBe(String(card.kecamatan[0]!.officers));
    await desk.screenshot({ path: artifactPath("scorecard-desk-1366x768.png") });

    await row.getByTestId("score-open").click();
    const drill = desk.locator(`[data-testid="score-drilldown"][data-officer-id="${officerId}"]`);
    await drill.waitFor();
    expect(new URL(desk.url()).searchParams.get("officer")).toBe(officerId);
    const api = await apiData<ScorecardDrilldown>(leader, `/api/duties/scorecard/${officerId}/reports?period=${SCORE_PERIOD}`);
    expect(await drill.getByTestId("score-duty").count()).toBe(api.duties.length);
    expect(await drill.locator(`[data-testid="score-duty"][data-period="${day[0]}"]`).getAttribute("data-status")).toBe("on_time");
    expect(await drill.locator(`[data-testid="score-duty"][data-period="${day[1]}"]`).getAttribute("data-status")).toBe("late");
    expect(await drill.locator(`[data-testid="score-duty"][data-period="${day[2]}"]`).textContent()).toContain("Tidak ada");
    expect(await drill.getByTestId("score-report").count()).toBe(2);
    await fullPageShot(desk, "scorecard-drilldown-1366.png");
    // Opened below the tables, the drill-down scrolls itself into view.
    await expect.poll(() => drill.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(120);
    expect(await drill.getByTestId("score-duty-tally").textContent()).toContain("Tepat waktu: 1");
    await desk.screenshot({ path: artifactPath("scorecard-drilldown-1366x768.png") });

    await drill.locator(`[data-testid="score-report"][data-report-id="${dailyIds[1]}"]`).getByTestId("score-report-link").click();
    await desk.locator(`[data-testid="report-detail"][data-report-id="${dailyIds[1]}"]`).waitFor();
    expect(new URL(desk.url()).pathname).toBe(`/ops/reports/${dailyIds[1]}`);
  });

  it("fits the scorecard on a phone", async () => {
    await phone.goto(`${rig.server.baseUrl}/ops/scorecard?period=${SCORE_PERIOD}&kecamatan=63.11.01&officer=${officerId}`);
    await phone.locator(`[data-testid="score-officer"][data-officer-id="${officerId}"]`).waitFor();
    await phone.locator(`[data-testid="score-drilldown"][data-officer-id="${officerId}"]`).waitFor();
    expect(await phone.getByTestId("score-period").inputValue()).toBe(SCORE_PERIOD);
    expect(await axeFindings(phone)).toEqual([]);
    await phone.screenshot({ path: artifactPath("scorecard-phone-390x844.png") });
  });
});
