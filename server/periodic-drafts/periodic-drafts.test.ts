import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PeriodicDraft } from "@contract/periodic-drafts.ts";
import { DEFAULT_SUB_CATEGORIES, type Bidang } from "@contract/reports.ts";
import { api, useAccount, type SignedInAccount } from "../test/accounts.ts";
import { dailyReport, POINTS, situationReport } from "../test/reports.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * Drafts of weekly and monthly reports from the officer's own reports, against the database. The week is
 * 2025-W48 (Monday 24 – Sunday 30 November 2025): far from any period other suites write, and only this
 * file's own officers' reports are ever counted.
 */
const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const colleague = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const admin = useAccount(t, "admin");

const wita = (local: string) => `${local}+08:00`;

async function send(who: SignedInAccount, body: object): Promise<string> {
  const res = await api(t, "POST", "/api/reports", { cookie: who.cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id;
}

const situation = (occurredAt: string, perihal: string, bidang: Bidang, kerawanan: string) =>
  situationReport({ occurredAt: wita(occurredAt), perihal, bidang, kerawanan, subCategory: DEFAULT_SUB_CATEGORIES[bidang][0] });

async function draftOf(query: string, who: SignedInAccount = officer) {
  const res = await api(t, "GET", `/api/periodic/draft?${query}`, { cookie: who.cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return PeriodicDraft.parse(res.body.data);
}

beforeAll(async () => {
  // The week's edges: 00:05 on its Monday and 23:30 on its Sunday are in it; five minutes before it began
  // and ten after it ended are not.
  await send(officer, situation("2025-11-23T23:55:00", "Sebelum minggu ini", "politik", "rendah"));
  await send(officer, situation("2025-11-24T00:05:00", "Harga beras naik di pasar", "ekonomi", "sedang"));
  await send(officer, situation("2025-11-26T10:00:00", "Bentrok antarkelompok pemuda", "pertahanan-keamanan", "sangat_tinggi"));
  await send(officer, situation("2025-11-30T23:30:00", "Unjuk rasa di kantor desa", "politik", "tinggi"));
  await send(officer, situation("2025-12-01T00:10:00", "Sesudah minggu ini", "politik", "tinggi"));
  // Rejected by a verifier: found wrong, so not counted again.
  const rejected = await send(officer, situation("2025-11-27T09:00:00", "Kabar bohong", "sosial-budaya", "tinggi"));
  const decided = await api(t, "POST", `/api/reports/${rejected}/status`, { cookie: admin.cookie, body: { status: "rejected", note: "Tidak terbukti", version: 1 } });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  // Another officer's reports of the same week never count.
  await send(colleague, situation("2025-11-25T10:00:00", "Laporan petugas lain", "ideologi", "sangat_tinggi"));
  await send(colleague, dailyReport(randomUUID(), "2025-11-25", { agendaBesok: "Agenda petugas lain" }));

  await send(officer, dailyReport(randomUUID(), "2025-11-24", { agendaBesok: "Rapat koordinasi forkopimcam", potensiMasalah: "Kenaikan harga beras" }));
  await send(officer, dailyReport(randomUUID(), "2025-11-30", { agendaBesok: "Rapat koordinasi forkopimcam", potensiMasalah: "nihil" }));
  await send(officer, dailyReport(randomUUID(), "2025-12-01", { agendaBesok: "Di luar minggu ini" }));
});

describe("weekly draft", () => {
  it("counts only the officer's own reports of the week, by WITA boundaries", async () => {
    const draft = await draftOf("kind=weekly&period=2025-W48");
    expect(draft).toMatchObject({
      kind: "weekly",
      period: "2025-W48",
      firstDay: "2025-11-24",
      lastDay: "2025-11-30",
      title: "Laporan Mingguan 24–30 November 2025",
      situations: 3,
      dailies: 2,
      byBidang: { ideologi: 0, politik: 1, ekonomi: 1, "sosial-budaya": 0, "pertahanan-keamanan": 1 },
      byKerawanan: { rendah: 0, sedang: 1, tinggi: 1, sangat_tinggi: 1 },
      highestKerawanan: "sangat_tinggi",
    });
    expect(draft.notable.map((n) => [n.perihal, n.day, n.kerawanan])).toEqual([
      ["Bentrok antarkelompok pemuda", "2025-11-26", "sangat_tinggi"],
      ["Unjuk rasa di kantor desa", "2025-11-30", "tinggi"],
    ]);
    expect(draft.notable.every((n) => typeof n.desa === "string" && n.desa.length > 0)).toBe(true);
    // The same agenda on two days is gathered once; "nihil" is not a problem to forecast.
    expect(draft.agenda).toEqual([{ day: "2025-11-24", text: "Rapat koordinasi forkopimcam" }]);
    expect(draft.potensiMasalah).toEqual([{ day: "2025-11-24", text: "Kenaikan harga beras" }]);
  });

  it("prefills the weekly body the way the form keys it, in Indonesian", async () => {
    const { body } = await draftOf("kind=weekly&period=2025-W48");
    if (!("tallies" in body)) throw new Error("not a weekly body");
    expect(body.tallies).toEqual({ ideologi: 0, politik: 1, ekonomi: 1, "sosial-budaya": 0, "pertahanan-keamanan": 1 });
    expect(body.trend).toContain("tercatat 3 laporan situasi");
    expect(body.trend).toContain("naik dari 1 minggu sebelumnya");
    expect(body.isuMenonjol).toContain("26 November · Bentrok antarkelompok pemuda (kerawanan sangat tinggi");
    expect(body.isuMenonjol).not.toContain("Harga beras naik");
    expect(body.hotspots).toMatch(/^Desa .+ \(3 laporan\)$/);
    expect(body.prakiraan).toContain("24 November: Kenaikan harga beras");
    expect(body.prakiraan).toContain("24 November: Rapat koordinasi forkopimcam");
  });

  it("is a body intake accepts as it stands", async () => {
    const draft = await draftOf("kind=weekly&period=2025-W48");
    await send(officer, {
      kind: "weekly",
      clientId: randomUUID(),
      perihal: draft.title,
      kerawanan: draft.highestKerawanan ?? "rendah",
      occurredAt: wita("2025-11-30T23:59:59"),
      sentAt: new Date().toISOString(),
      location: { ...POINTS.paringin, accuracyM: null, source: "pin" },
      period: draft.period,
      body: draft.body,
    });
  });

  it("is empty for an officer with nothing that week", async () => {
    const draft = await draftOf("kind=weekly&period=2025-W47", colleague);
    expect(draft).toMatchObject({ situations: 0, dailies: 0, highestKerawanan: null, notable: [], agenda: [] });
    if (!("trend" in draft.body)) throw new Error("not a weekly body");
    expect(draft.body.trend).toContain("tidak ada laporan situasi");
    expect(draft.body.isuMenonjol).toBe("Nihil.");
  });
});

describe("monthly draft", () => {
  it("counts the month's own reports and drafts ATHG per bidang", async () => {
    const draft = await draftOf("kind=monthly&period=2025-11");
    expect(draft).toMatchObject({ kind: "monthly", title: "Laporan Bulanan November 2025", firstDay: "2025-11-01", lastDay: "2025-11-30", situations: 4, dailies: 2 });
    if (!("athg" in draft.body)) throw new Error("not a monthly body");
    expect(draft.body.statistik).toMatchObject({ politik: 2, ekonomi: 1, "pertahanan-keamanan": 1, ideologi: 0 });
    expect(draft.body.athg.politik).toContain("Sebelum minggu ini");
    expect(draft.body.athg.politik).toContain("Unjuk rasa di kantor desa");
    expect(draft.body.athg.politik).not.toContain("Sesudah minggu ini");
    expect(draft.body.athg.ideologi).toBe("Nihil.");
    expect(draft.body.kejadianMenonjol).toContain("Bentrok antarkelompok pemuda");
  });
});

describe("bad input", () => {
  it("answers 400 for a period that is not of its kind, or a kind that has no draft", async () => {
    for (const query of ["kind=weekly&period=2025-11", "kind=monthly&period=2025-W48", "kind=daily&period=2025-11-24", "kind=weekly", "period=2025-W48"]) {
      const res = await api(t, "GET", `/api/periodic/draft?${query}`, { cookie: officer.cookie });
      expect(res.status, query).toBe(400);
    }
  });
});
