import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PublicMapPoint, type PublicMap } from "@contract/public-reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { POINTS, situationReport } from "../test/reports.ts";
import { verifyAs } from "../test/incidents.ts";

const PARINGIN = "63.11.06";
const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const verifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const tag = randomUUID().slice(0, 8);

/** A day of its own for this file's reports (a shared database holds other suites' publications). */
const DAY = `2020-0${1 + (parseInt(tag.slice(0, 2), 16) % 9)}-1${parseInt(tag.slice(2, 3), 16) % 10}`;

async function publishedReport(overrides: Record<string, unknown> = {}): Promise<string> {
  const occurredAt = new Date(`${DAY}T02:00:00Z`).toISOString();
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport({ perihal: `Peta publik ${tag}`, occurredAt, ...overrides }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.data.id as string;
  await verifyAs(t, verifier.cookie, id);
  const version = (await api(t, "GET", `/api/reports/${id}`, { cookie: verifier.cookie })).body.data.version;
  const pub = await api(t, "POST", `/api/reports/${id}/publish`, { cookie: verifier.cookie, body: { version } });
  expect(pub.status, JSON.stringify(pub.body)).toBe(200);
  return id;
}

async function publicMap(query: string): Promise<PublicMap> {
  const res = await api(t, "GET", `/api/public/map?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as PublicMap;
}

describe("the public map", () => {
  it("draws every matching publication as a point of allow-listed keys, counted per kecamatan", async () => {
    const before = await publicMap(`from=${DAY}&to=${DAY}`);
    const tinggi = await publishedReport({ kerawanan: "tinggi" });
    const sedang = await publishedReport({ kerawanan: "sedang", bidang: "politik", subCategory: "unjuk rasa" });
    const after = await publicMap(`from=${DAY}&to=${DAY}`);

    const mine = after.points.filter((p) => p.id === tinggi || p.id === sedang);
    expect(mine).toHaveLength(2);
    for (const point of mine) {
      expect(Object.keys(point).sort()).toEqual(Object.keys(PublicMapPoint.shape).sort());
      expect(point.kecamatanKode).toBe(PARINGIN);
      expect(point.day).toBe(DAY);
      // Generalized: never the officer's own point.
      expect(point.location).not.toEqual({ lat: POINTS.paringin.lat, lng: POINTS.paringin.lng });
    }
    expect(JSON.stringify(after)).not.toContain(officer.username);

    // All eight kecamatan are in the summary; Paringin's counts grew by exactly these two.
    expect(after.summary).toHaveLength(8);
    const paringinOf = (m: PublicMap) => m.summary.find((s) => s.kecamatan.kode === PARINGIN)!;
    expect(paringinOf(after).total - paringinOf(before).total).toBe(2);
    expect(paringinOf(after).kerawanan.tinggi - paringinOf(before).kerawanan.tinggi).toBe(1);
    expect(paringinOf(after).kerawanan.sedang - paringinOf(before).kerawanan.sedang).toBe(1);
  });

  it("applies the filters to the points and the summary alike", async () => {
    const id = await publishedReport({ kerawanan: "rendah", bidang: "ideologi", subCategory: "intoleransi" });
    const ideologi = await publicMap(`from=${DAY}&to=${DAY}&bidang=ideologi&kecamatan=${PARINGIN}`);
    expect(ideologi.points.map((p) => p.id)).toContain(id);
    expect(ideologi.points.every((p) => p.bidang === "ideologi" && p.kecamatanKode === PARINGIN)).toBe(true);
    expect(ideologi.summary.map((s) => s.kecamatan.kode)).toEqual([PARINGIN]);
    expect(ideologi.summary[0]!.total).toBe(ideologi.points.length);

    const otherKecamatan = await publicMap(`from=${DAY}&to=${DAY}&kecamatan=63.11.01`);
    expect(otherKecamatan.points.map((p) => p.id)).not.toContain(id);
  });

  it("drops a withdrawn publication at once", async () => {
    const id = await publishedReport();
    const version = (await api(t, "GET", `/api/reports/${id}`, { cookie: verifier.cookie })).body.data.version;
    const res = await api(t, "POST", `/api/reports/${id}/unpublish`, { cookie: verifier.cookie, body: { version, note: "Ditarik" } });
    expect(res.status).toBe(200);
    expect((await publicMap(`from=${DAY}&to=${DAY}`)).points.map((p) => p.id)).not.toContain(id);
  });

  it("takes only the documented filters", async () => {
    for (const query of ["author=x", "cursor=2020-01-01.1", "limit=5", "kecamatan=Paringin", "from=2020-13-01", "bidang=olahraga"]) {
      const res = await api(t, "GET", `/api/public/map?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe("invalid_input");
    }
  });
});
