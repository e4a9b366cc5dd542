/**
 * Tiered reports (issue 15): a new officer with situation reports and dailies this week opens the weekly
 * form on the phone and finds it drafted from them — tallies counted, an Indonesian title, no incident
 * time or kerawanan to fill — submits it, and sees the weekly duty done on the home screen. Offline, the
 * monthly form opens empty and says why; the officer's own draft then wins over the server's.
 */
import { randomUUID } from "node:crypto";
import { request, type APIRequestContext, type BrowserContext } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { periodBounds, periodicTitle } from "@contract/periodic-drafts.ts";
import type { ReportView } from "@contract/reports.ts";
import { witaDate, witaIsoWeek } from "@kit/wita.ts";
import { DEMO_PASSWORD, fullPageShot } from "./lib/artifacts.ts";
import { signInPhone } from "./lib/sign-in.ts";
import { useServerAndBrowser } from "./lib/suite.ts";

/** Paringin Kota, Kecamatan Paringin (63.11.06). */
const PARINGIN_KOTA = { lat: -2.3217, lng: 115.4584 };

async function signedIn(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

const situation = (occurredAt: number, perihal: string, bidang: string, subCategory: string, kerawanan: string) => ({
  kind: "situation",
  clientId: randomUUID(),
  perihal,
  kerawanan,
  occurredAt: new Date(occurredAt).toISOString(),
  sentAt: new Date().toISOString(),
  location: { ...PARINGIN_KOTA, accuracyM: 12, source: "gps" },
  bidang,
  subCategory,
  body: {
    pendahuluan: { sumber: "Tokoh masyarakat", nilaiInformasi: "B2" },
    fakta: { siapa: "Warga", apa: perihal, diMana: "Desa Paringin Kota", bagaimana: "Berkumpul dengan tertib", bilamana: "Pekan ini" },
    pendapat: {},
  },
});

const daily = (period: string, agendaBesok: string) => ({
  kind: "daily",
  clientId: randomUUID(),
  perihal: periodicTitle("daily", period),
  kerawanan: "rendah",
  occurredAt: new Date().toISOString(),
  sentAt: new Date().toISOString(),
  location: { ...PARINGIN_KOTA, accuracyM: null, source: "pin" },
  period,
  body: { situasiUmum: "aman-kondusif", perBidang: {}, jumlahKejadian: 0, agendaBesok },
});

describe("weekly report drafted from the officer's own reports", () => {
  const rig = useServerAndBrowser();
  let phone: BrowserContext | undefined;
  afterAll(async () => {
    await phone?.close();
  });

  it("opens the weekly form prefilled, without incident time or kerawanan, and marks the duty done once sent", async () => {
    const baseUrl = rig.server.baseUrl;
    const now = Date.now();
    const week = witaIsoWeek(now);
    const bounds = periodBounds("weekly", week)!;

    // A new officer of Paringin whose duties begin this Monday: this week's weekly report is owed.
    const username = `petugas.berjenjang${now.toString(36)}`;
    const admin = await signedIn(baseUrl, "admin");
    const made = await admin.post("/api/users", {
      data: { username, displayName: "Petugas Berjenjang", role: "officer", kecamatanKode: "63.11.06", password: DEMO_PASSWORD },
    });
    expect(made.status(), await made.text()).toBe(201);
    const officerId = ((await made.json()) as { data: { user: { id: string } } }).data.user.id;
    const start = await admin.put(`/api/duties/officers/${officerId}`, { data: { owesFrom: bounds.firstDay } });
    expect(start.status(), await start.text()).toBe(200);

    // This week so far: three situation reports (two politik, one ekonomi; the highest "tinggi") and the
    // dailies of the days gone by; one report half an hour before the week began must not count.
    const officer = await signedIn(baseUrl, username);
    const within = (share: number) => bounds.start + Math.floor((now - bounds.start) * share);
    const reports: object[] = [
      situation(within(0.25), "Rapat umum calon kepala desa", "politik", "pilkada/pilkades", "sedang"),
      situation(within(0.5), "Unjuk rasa menolak hasil musyawarah", "politik", "unjuk rasa", "tinggi"),
      situation(within(0.75), "Harga gas elpiji naik", "ekonomi", "harga & kelangkaan sembako/BBM", "rendah"),
      situation(bounds.start - 30 * 60_000, "Minggu lalu: ronda malam", "pertahanan-keamanan", "kriminalitas", "sangat_tinggi"),
    ];
    const days = [witaDate(now), witaDate(now - 86_400_000)].filter((d) => d >= bounds.firstDay);
    for (const day of days) reports.push(daily(day, `Agenda ${day}: rapat koordinasi`));
    for (const body of reports) {
      const res = await officer.post("/api/reports", { data: body });
      expect(res.status(), await res.text()).toBe(201);
    }

    phone = await rig.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      permissions: ["geolocation"],
      geolocation: { latitude: PARINGIN_KOTA.lat, longitude: PARINGIN_KOTA.lng, accuracy: 12 },
    });
    const page = await phone.newPage();
    await signInPhone(page, baseUrl, username);
    await page.getByText("Kec. Paringin").waitFor({ timeout: 30_000 }); // boundaries: the form's default place
    const weeklyDuty = page.getByTestId("duty-weekly");
    await weeklyDuty.waitFor();
    expect(await weeklyDuty.getAttribute("data-period")).toBe(week);
    expect(await weeklyDuty.getAttribute("data-state")).not.toBe("done");
    await fullPageShot(page, "periodic-home-owed.png");

    // The reminder's button opens the weekly form on the server's draft.
    await weeklyDuty.getByRole("button").click();
    await page.locator('[data-testid="server-draft"][data-status="ready"]').waitFor({ timeout: 30_000 });
    const title = periodicTitle("weekly", week);
    expect(title).toMatch(/^Laporan Mingguan \d/);
    expect(await page.locator(".form-head h1").textContent()).toBe(title);
    expect(await page.locator('input[name="perihal"]').inputValue()).toBe(title);
    expect(await page.locator('input[name="period"]').inputValue()).toBe(week);
    const tally = (bidang: string) => page.locator(`input[name="tallies.${bidang}"]`).inputValue();
    expect([await tally("politik"), await tally("ekonomi"), await tally("pertahanan-keamanan"), await tally("ideologi")]).toEqual(["2", "1", "0", "0"]);
    expect(await page.getByTestId("server-draft").getAttribute("data-situations")).toBe("3");
    expect(await page.getByTestId("server-draft").getAttribute("data-dailies")).toBe(String(days.length));
    expect(await page.locator('textarea[name="trend"]').inputValue()).toContain("tercatat 3 laporan situasi");
    expect(await page.locator('textarea[name="isuMenonjol"]').inputValue()).toContain("Unjuk rasa menolak hasil musyawarah");
    // Nothing asks for an incident time or a kerawanan: both are filled in, derived from the week.
    expect(await page.locator('input[type="datetime-local"]').count()).toBe(0);
    expect(await page.locator('[name="kerawanan"]:not([type="hidden"])').count()).toBe(0);
    expect(await page.locator('input[type="hidden"][name="kerawanan"]').inputValue()).toBe("tinggi");
    await fullPageShot(page, "periodic-weekly-draft.png");

    // The officer adds a recommendation and saves; it goes out, and the duty is met.
    await page.locator('textarea[name="rekomendasi"]').fill("Mediasi oleh camat sebelum pilkades.");
    await page.getByTestId("save-report").click();
    await page.getByTestId("officer-home").waitFor();
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="duty-weekly"][data-state="done"][data-period="${week}"]`).waitFor({ timeout: 30_000 });
    await fullPageShot(page, "periodic-home-done.png");

    const mine = (await (await officer.get("/api/reports?mine=true&limit=50")).json()) as { data: ReportView[] };
    const weekly = mine.data.find((r) => r.kind === "weekly" && r.period === week)!;
    expect(weekly).toMatchObject({ perihal: title, kerawanan: "tinggi" });
    expect(weekly.body).toMatchObject({ tallies: { politik: 2, ekonomi: 1 }, rekomendasi: "Mediasi oleh camat sebelum pilkades." });
    expect(Date.parse(weekly.occurredAt)).toBeGreaterThanOrEqual(bounds.start);
    expect(Date.parse(weekly.occurredAt)).toBeLessThan(bounds.end);
    const duties = (await (await officer.get("/api/duties/mine")).json()) as { data: { duties: { kind: string; period: string; status: string }[] } };
    expect(duties.data.duties.find((d) => d.kind === "weekly" && d.period === week)?.status).toBe("on_time");

    // Without signal the monthly form opens empty and says why; what the officer types there is their own
    // draft, which wins over the server's once signal is back.
    await phone.setOffline(true);
    await page.getByRole("button", { name: "Laporan Bulanan" }).click();
    await page.locator('[data-testid="server-draft"][data-status="unavailable"]').waitFor();
    expect(await page.locator('input[name="statistik.politik"]').inputValue()).toBe("0");
    await page.locator('textarea[name="saran"]').fill("Saran bulanan yang sudah mulai ditulis");
    await fullPageShot(page, "periodic-monthly-offline.png");
    await page.getByRole("button", { name: "← Kembali" }).click();
    await page.getByTestId("officer-home").waitFor();
    await phone.setOffline(false);
    await page.getByRole("button", { name: "Laporan Bulanan" }).click();
    await page.getByTestId("draft-restored").waitFor();
    expect(await page.locator('textarea[name="saran"]').inputValue()).toBe("Saran bulanan yang sudah mulai ditulis");
    expect(await page.getByTestId("server-draft").count()).toBe(0);
    await Promise.all([admin.dispose(), officer.dispose()]);
  });
});
