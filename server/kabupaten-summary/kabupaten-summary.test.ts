import { beforeAll, describe, expect, it } from "vitest";
import type { KabupatenSummary } from "@contract/kabupaten-summary.ts";
import { api, useAccount, type SignedInAccount } from "../test/accounts.ts";
import { monthlyReport } from "../test/kabupaten-summary-successes.ts";
import { POINTS } from "../test/reports.ts";
import { useTestApp } from "../test/test-app.ts";

const t = useTestApp();
const admin = useAccount(t, "admin");
const leader = useAccount(t, "leader");
const juaiVerifier = useAccount(t, "verifier", { verifierRegions: ["63.11.01"] });
const paringinA = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const paringinB = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const juai = useAccount(t, "officer", { kecamatanKode: "63.11.01" });
const juaiB = useAccount(t, "officer", { kecamatanKode: "63.11.01" });
const halong = useAccount(t, "officer", { kecamatanKode: "63.11.02" });

// A month of its own: no other suite sends monthly reports for it.
const MONTH = "2021-02";

async function send(officer: SignedInAccount, place: { lat: number; lng: number }, body: object, decision?: "verified" | "rejected") {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: monthlyReport(MONTH, place, body) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (decision) {
    const decided = await api(t, "POST", `/api/reports/${res.body.data.id}/status`, { cookie: admin.cookie, body: { status: decision, version: 1, note: decision === "rejected" ? "Salah bulan" : undefined } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }
  return res.body.data.id as string;
}

async function summary(query = "", cookie = leader.cookie): Promise<KabupatenSummary> {
  const res = await api(t, "GET", `/api/periodic/kabupaten-summary?month=${MONTH}${query}`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

const tally = (s: KabupatenSummary, key: string) => s.statistik.find((x) => x.key === key);

beforeAll(async () => {
  await send(paringinA, POINTS.paringin, {
    statistik: { unjuk_rasa: 2, konflik_sosial: 1 },
    athg: { politik: "Pilkades di dua desa berjalan aman", ekonomi: "  " },
    kejadianMenonjol: "Unjuk rasa sengketa lahan sawit",
    prakiraan: "Aman terkendali",
    saran: "Mediasi oleh camat",
  }, "verified");
  await send(paringinB, POINTS.paringin, { statistik: { unjuk_rasa: 3 }, athg: { politik: "Sosialisasi partai" } }, "verified");
  await send(juai, POINTS.juai, { statistik: { unjuk_rasa: 1, narkoba: 4 }, athg: { "sosial-budaya": "Peredaran sabu di perbatasan" }, saran: "Patroli gabungan" }, "verified");
  // Halong's report waits for verification.
  await send(halong, POINTS.halong, { statistik: { unjuk_rasa: 10 }, prakiraan: "Rawan banjir" });
});

describe("the kabupaten monthly summary", () => {
  it("lists what arrived from each kecamatan and which sent nothing", async () => {
    const s = await summary();
    expect(s.kecamatan).toHaveLength(8);
    const byKode = new Map(s.kecamatan.map((k) => [k.kode, k]));
    expect(byKode.get("63.11.06")!.reports.map((r) => r.officerName)).toHaveLength(2);
    expect(byKode.get("63.11.06")!.counted).toBe(2);
    expect(byKode.get("63.11.01")!.counted).toBe(1);
    // Arrived but not verified: listed, not counted, not missing.
    expect(byKode.get("63.11.02")!.reports).toMatchObject([{ status: "submitted", counted: false }]);
    expect(byKode.get("63.11.02")!.counted).toBe(0);
    expect(s.missing.map((k) => k.kode)).toEqual(["63.11.03", "63.11.04", "63.11.05", "63.11.07", "63.11.08"]);
    expect(s.missing.every((k) => k.nama.length > 0)).toBe(true);
  });

  it("sums the statistik tallies of the verified reports across kecamatan", async () => {
    const s = await summary();
    expect(s.countedStatuses).toEqual(["verified", "published"]);
    expect(tally(s, "unjuk_rasa")).toEqual({ key: "unjuk_rasa", total: 6, byKecamatan: [{ kecamatanKode: "63.11.01", n: 1 }, { kecamatanKode: "63.11.06", n: 5 }] });
    expect(tally(s, "konflik_sosial")?.total).toBe(1);
    expect(tally(s, "narkoba")?.total).toBe(4);
    expect(s.statistik.map((x) => x.key)).toEqual(["konflik_sosial", "narkoba", "unjuk_rasa"]);
  });

  it("gathers each bidang's ATHG and the notable events, forecasts and advice with their kecamatan", async () => {
    const s = await summary();
    const nama = (kode: string) => s.kecamatan.find((k) => k.kode === kode)!.nama;
    expect(s.athg.map((a) => a.bidang)).toEqual(["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"]);
    const athg = Object.fromEntries(s.athg.map((a) => [a.bidang, a.entries.map((e) => `${e.kecamatanNama}: ${e.text}`)]));
    expect(athg.politik).toEqual([`${nama("63.11.06")}: Pilkades di dua desa berjalan aman`, `${nama("63.11.06")}: Sosialisasi partai`]);
    expect(athg.ekonomi).toEqual([]);
    expect(athg["sosial-budaya"]).toEqual([`${nama("63.11.01")}: Peredaran sabu di perbatasan`]);
    expect(s.kejadianMenonjol).toMatchObject([{ kecamatanKode: "63.11.06", kecamatanNama: nama("63.11.06"), text: "Unjuk rasa sengketa lahan sawit" }]);
    expect(s.saran.map((x) => [x.kecamatanKode, x.text])).toEqual([["63.11.01", "Patroli gabungan"], ["63.11.06", "Mediasi oleh camat"]]);
    // Halong's forecast waits for its verification.
    expect(s.prakiraan.map((x) => x.text)).toEqual(["Aman terkendali"]);
  });

  it("counts the reports still waiting for verification when asked", async () => {
    const s = await summary("&includeUnverified=true");
    expect(s.countedStatuses).toEqual(["submitted", "verified", "published"]);
    expect(tally(s, "unjuk_rasa")?.total).toBe(16);
    expect(s.prakiraan.map((x) => x.kecamatanKode)).toEqual(["63.11.02", "63.11.06"]);
    expect(s.kecamatan.find((k) => k.kode === "63.11.02")!.counted).toBe(1);
  });

  it("leaves a rejected report out and keeps a verifier to their region", async () => {
    await send(juaiB, POINTS.juai, { statistik: { unjuk_rasa: 50 }, saran: "Ditolak" }, "rejected");
    const own = await summary("", juaiVerifier.cookie);
    expect(own.kecamatan.map((k) => k.kode)).toEqual(["63.11.01"]);
    expect(own.missing).toEqual([]);
    expect(tally(own, "unjuk_rasa")?.total).toBe(1);
    expect(own.saran.map((x) => x.text)).toEqual(["Patroli gabungan"]);
    expect(own.kecamatan[0]!.reports.map((r) => [r.status, r.counted])).toEqual([["verified", true], ["rejected", false]]);
  });

  it("answers only staff, and refuses a month that is not one", async () => {
    expect((await api(t, "GET", `/api/periodic/kabupaten-summary?month=${MONTH}`, { cookie: juai.cookie })).status).toBe(403);
    expect((await api(t, "GET", "/api/periodic/kabupaten-summary?month=2021-13", { cookie: leader.cookie })).status).toBe(400);
    expect((await api(t, "GET", "/api/periodic/kabupaten-summary", { cookie: leader.cookie })).status).toBe(400);
    expect((await api(t, "GET", `/api/periodic/kabupaten-summary?month=${MONTH}&includeUnverified=maybe`, { cookie: leader.cookie })).status).toBe(400);
  });
});
