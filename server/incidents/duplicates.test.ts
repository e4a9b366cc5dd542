import { beforeAll, describe, expect, it } from "vitest";
import type { DuplicateCandidate } from "@contract/incidents.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { dailyReport } from "../test/reports.ts";
import { nearParingin, privateHour, recentPeriodDay, situationAt, submitAs } from "../test/incidents.ts";

const PARINGIN = "63.11.06";
const JUAI = "63.11.01";
const HOUR = 3_600_000;

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const verifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const juaiVerifier = useAccount(t, "verifier", { verifierRegions: [JUAI] });
const leader = useAccount(t, "leader");

const DEMO = { perihal: "Unjuk rasa warga menolak tambang batubara", apa: "Warga berkumpul menolak aktivitas tambang batubara di dekat kebun karet" };

/** The seeded reports, by role in the test. */
const ids = {} as Record<"target" | "near" | "nearOtherText" | "farAway" | "farInTime" | "otherBidang" | "edgeOfWindow", string>;

beforeAll(async () => {
  const at = privateHour();
  const submit = (when: number, where: { lat: number; lng: number }, text = DEMO, extra: Partial<Record<string, unknown>> = {}) =>
    submitAs(t, officer.cookie, situationAt(when, where, text, extra));
  ids.target = await submit(at, nearParingin(0));
  // Near duplicates: 300 m and 2 h away, the same words; 800 m and 20 h away, other words of the same event.
  ids.near = await submit(at + 2 * HOUR, nearParingin(300, 0), { perihal: "Unjuk rasa warga tolak tambang batubara", apa: "Warga berkumpul menolak tambang batubara dekat kebun karet" });
  ids.nearOtherText = await submit(at - 20 * HOUR, nearParingin(-500, 600), { perihal: "Kerumunan di jalan desa", apa: "Massa memblokir jalan hauling" });
  // Not duplicates: 3 km away, 30 h later, another bidang.
  ids.farAway = await submit(at + HOUR, nearParingin(3_000, 0));
  ids.farInTime = await submit(at + 30 * HOUR, nearParingin(100, 0));
  ids.otherBidang = await submit(at + HOUR, nearParingin(100, 100), DEMO, { bidang: "politik", subCategory: "unjuk rasa" });
  // Inside the window by a minute, at the radius' edge less a little.
  ids.edgeOfWindow = await submit(at - 24 * HOUR + 60_000, nearParingin(0, 1_900));
});

const duplicatesOf = (id: string, cookie: string) => api(t, "GET", `/api/reports/${id}/duplicates`, { cookie });

describe("duplicate candidates of a situation report", () => {
  it("finds the near ones (same bidang, within 2 km and 24 h) and not the distant ones, most alike first", async () => {
    const res = await duplicatesOf(ids.target, verifier.cookie);
    expect(res.status).toBe(200);
    const found = res.body.data as DuplicateCandidate[];
    const mine = found.filter((c) => Object.values(ids).includes(c.id)).map((c) => c.id);
    expect(mine).toEqual(expect.arrayContaining([ids.near, ids.nearOtherText, ids.edgeOfWindow]));
    expect(mine).not.toContain(ids.target);
    expect(mine).not.toContain(ids.farAway);
    expect(mine).not.toContain(ids.farInTime);
    expect(mine).not.toContain(ids.otherBidang);
    // Ranked by text: the same words outrank other words about the same place.
    expect(mine.indexOf(ids.near)).toBeLessThan(mine.indexOf(ids.nearOtherText));

    const near = found.find((c) => c.id === ids.near)!;
    expect(near.distanceM).toBeGreaterThan(250);
    expect(near.distanceM).toBeLessThan(350);
    expect(near.gapMinutes).toBe(120);
    expect(near.similarity).toBeGreaterThan(found.find((c) => c.id === ids.nearOtherText)!.similarity);
    expect(near).toMatchObject({ kecamatan: { kode: PARINGIN }, incident: null, status: "submitted", classification: "biasa" });
  });

  it("leaves out the reports already in the report's own incident, and names another incident's", async () => {
    const merged = await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: [ids.target, ids.near] } });
    expect(merged.status).toBe(201);
    const fromTarget = (await duplicatesOf(ids.target, verifier.cookie)).body.data as DuplicateCandidate[];
    expect(fromTarget.map((c) => c.id)).not.toContain(ids.near);
    expect(fromTarget.map((c) => c.id)).toContain(ids.nearOtherText);

    const fromOther = (await duplicatesOf(ids.nearOtherText, verifier.cookie)).body.data as DuplicateCandidate[];
    expect(fromOther.find((c) => c.id === ids.target)?.incident).toEqual({ id: merged.body.data.id, number: merged.body.data.number });
  });

  it("answers a verifier of another region 404, and an officer, even the author, 403", async () => {
    expect((await duplicatesOf(ids.target, juaiVerifier.cookie)).status).toBe(404);
    expect((await duplicatesOf(ids.target, officer.cookie)).status).toBe(403);
    expect((await duplicatesOf(ids.target, leader.cookie)).status).toBe(200);
  });

  it("has none for a periodic report", async () => {
    const period = recentPeriodDay();
    const daily = await submitAs(t, officer.cookie, dailyReport(crypto.randomUUID(), period));
    const res = await duplicatesOf(daily, verifier.cookie);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
