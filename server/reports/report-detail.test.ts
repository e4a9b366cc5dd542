import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import { ReportDetail } from "@contract/report-detail.ts";
import { manualClock } from "../core/clock.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { dailyReport, POINTS, situationReport } from "../test/reports.ts";

const clock = manualClock();
const t = useTestApp({}, { clock });
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const verifier = useAccount(t, "verifier", { verifierRegions: ["63.11.06", "63.11.01"] });
const admin = useAccount(t, "admin");

async function send(body: object): Promise<string> {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id;
}
const detail = (id: string, cookie = verifier.cookie) => api(t, "GET", `/api/reports/${id}`, { cookie });

describe("the whole report", () => {
  it("has the Laporan Informasi, its photos' files, its place and its author as the form is signed", async () => {
    await api(t, "PATCH", `/api/users/${officer.id}`, { cookie: admin.cookie, body: { position: "Agen Informasi Kecamatan", nip: "198501012010011001" } });
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
    const sha = createHash("sha256").update(photo).digest("hex");
    const missing = "cd".repeat(32);
    const input = situationReport({ classification: "rahasia", photos: [sha, missing], location: { ...POINTS.juai, accuracyM: 25, source: "gps" } });
    const id = await send(input);
    const put = await fetch(`${t.baseUrl}/api/reports/${id}/photos/${sha}`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: officer.cookie }, body: new Uint8Array(photo) });
    expect(put.status).toBe(201);

    const res = await detail(id);
    expect(res.status).toBe(200);
    const d = ReportDetail.parse(res.body.data);
    expect(d).toMatchObject({
      id,
      kind: "situation",
      classification: "rahasia",
      revision: 1,
      revisionCount: 1,
      status: "submitted",
      body: { pendahuluan: { sumber: "Tokoh masyarakat", nilaiInformasi: "B2" }, fakta: { siapa: "Sekitar 50 warga desa", jumlahMassa: 50 }, pendapat: { saran: "Mediasi oleh kecamatan" } },
      location: { ...POINTS.juai, accuracyM: 25, source: "gps" },
      kecamatan: { kode: "63.11.01", nama: expect.any(String) },
      outsideOwnKecamatan: true,
      outsideBalangan: false,
      outsideMeters: 0,
      author: { id: officer.id, displayName: "Test officer", nip: "198501012010011001", position: "Agen Informasi Kecamatan", kecamatan: { kode: "63.11.06", nama: "Paringin" } },
      amendedAt: null,
      claim: null,
      incident: null,
    });
    expect(d.photos).toEqual([
      { sha256: sha, uploaded: true, mime: "image/jpeg", sizeBytes: expect.any(Number), width: 64, height: 48 },
      { sha256: missing, uploaded: false, mime: null, sizeBytes: null, width: null, height: null },
    ]);
    expect(d.photos[0]!.sizeBytes).toBeGreaterThan(0);

    // At home, in its own kecamatan: not flagged.
    const home = ReportDetail.parse((await detail(await send(situationReport()))).body.data);
    expect(home).toMatchObject({ outsideOwnKecamatan: false, outsideBalangan: false, desa: { kode: "63.11.06.1023" } });
  });

  it("flags a point placed from just outside Balangan", async () => {
    const [near] = await t.db.sequelize.query<{ lat: number; lng: number }>(
      `WITH b AS (SELECT ST_Union(geom) AS g FROM regions WHERE level = 'kecamatan'),
            far AS (SELECT ST_SetSRID(ST_MakePoint(116.5, -2.3), 4326) AS p),
            edge AS (SELECT ST_ClosestPoint(b.g, far.p) AS e, far.p FROM b, far)
       SELECT ST_Y(q) AS lat, ST_X(q) AS lng FROM (SELECT ST_Project(e::geography, 1000, ST_Azimuth(e, p))::geometry AS q FROM edge) x`,
      { type: QueryTypes.SELECT },
    );
    const id = await send(situationReport({ location: { ...near!, accuracyM: 30, source: "pin" } }));
    const d = (await detail(id, admin.cookie)).body.data;
    expect(d.outsideBalangan).toBe(true);
    expect(d.outsideMeters).toBeGreaterThan(900);
  });

  it("shows the live claim with its holder until the lease runs out, and the incident it was merged into", async () => {
    const a = await send(situationReport());
    const b = await send(situationReport());
    const claimed = await api(t, "POST", `/api/reports/${a}/claim`, { cookie: verifier.cookie });
    expect(claimed.status).toBe(200);
    const merged = await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: [a, b], title: "Unjuk rasa lahan Paringin" } });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);

    const d = ReportDetail.parse((await detail(a, admin.cookie)).body.data);
    expect(d.claim).toEqual({ holderId: verifier.id, holderName: "Test verifier", claimedAt: claimed.body.data.claimedAt, expiresAt: claimed.body.data.expiresAt });
    expect(d.incident).toEqual({ id: merged.body.data.id, number: merged.body.data.number, title: "Unjuk rasa lahan Paringin" });
    // Its author sees neither: the verification desk's business.
    expect((await detail(a, officer.cookie)).body.data).toMatchObject({ claim: null, incident: null });

    clock.advance(10 * 60_000 + 1);
    expect((await detail(a, admin.cookie)).body.data.claim).toBeNull();
  });

  it("is 404 outside the reader's scope, 403 for guests, and the same for an id nobody has", async () => {
    const id = await send(situationReport());
    const elsewhere = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.02"] }));
    const peer = await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.06" }));
    const guest = await login(t, await createAccount(t, "guest"));
    const leader = await login(t, await createAccount(t, "leader"));
    expect((await detail(id, elsewhere)).status).toBe(404);
    expect((await detail(id, peer)).status).toBe(404);
    expect((await detail(id, guest)).status).toBe(403);
    expect((await detail(randomUUID())).status).toBe(404);
    expect((await detail(id, leader)).status).toBe(200);
    expect((await detail(id, officer.cookie)).status).toBe(200);
  });
});

describe("a report's history and revisions", () => {
  it("are for the verification desk within its scope", async () => {
    const id = await send(dailyReport(randomUUID(), "2026-08-01"));
    const elsewhere = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.02"] }));
    const leader = await login(t, await createAccount(t, "leader"));
    for (const path of ["history", "revisions", "revisions/1", "diff?from=1&to=1"]) {
      expect((await api(t, "GET", `/api/reports/${id}/${path}`, { cookie: leader })).status, path).toBe(200);
      expect((await api(t, "GET", `/api/reports/${id}/${path}`, { cookie: elsewhere })).status, path).toBe(404);
      expect((await api(t, "GET", `/api/reports/${id}/${path}`, { cookie: officer.cookie })).status, path).toBe(403);
      expect((await api(t, "GET", `/api/reports/${randomUUID()}/${path}`, { cookie: verifier.cookie })).status, path).toBe(404);
    }
    expect((await api(t, "GET", `/api/reports/${id}/revisions/2`, { cookie: verifier.cookie })).status).toBe(404);
    expect((await api(t, "GET", `/api/reports/${id}/diff?from=1&to=2`, { cookie: verifier.cookie })).status).toBe(404);
    expect((await api(t, "GET", `/api/reports/${id}/diff?from=1`, { cookie: verifier.cookie })).status).toBe(400);
  });

  it("lists every event oldest first with who did it, and each revision exactly as it was sent", async () => {
    const first = dailyReport(randomUUID(), "2026-08-02");
    const id = await send(first);
    const { version } = (await detail(id)).body.data;
    await api(t, "POST", `/api/reports/${id}/status`, { cookie: verifier.cookie, body: { status: "revision_requested", note: "Isi bidang politik", version } });
    // Sent later, about the same day: only what the officer changed differs (the send time is not the report's).
    const second = { ...dailyReport(randomUUID(), "2026-08-02", { perBidang: { politik: "Rapat persiapan pilkades" } }), occurredAt: first.occurredAt };
    await send(second);

    const history = (await api(t, "GET", `/api/reports/${id}/history`, { cookie: admin.cookie })).body;
    expect(history.page).toEqual({ total: 3, next: null });
    expect(history.data).toEqual([
      expect.objectContaining({ action: "submitted", actor: { id: officer.id, displayName: "Test officer", role: "officer" }, toStatus: "submitted", note: null }),
      expect.objectContaining({ action: "status_changed", actor: { id: verifier.id, displayName: "Test verifier", role: "verifier" }, fromStatus: "submitted", toStatus: "revision_requested", note: "Isi bidang politik" }),
      expect.objectContaining({ action: "revised", fromStatus: "revision_requested", toStatus: "submitted", details: { revision: 2, clientId: second.clientId, answersNote: "Isi bidang politik" } }),
    ]);
    const times = history.data.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);

    const revision = (await api(t, "GET", `/api/reports/${id}/revisions/2`, { cookie: admin.cookie })).body.data;
    expect(revision).toMatchObject({ revision: 2, clientId: second.clientId, payload: { kind: "daily", period: "2026-08-02", body: { perBidang: { politik: "Rapat persiapan pilkades" } } } });
    const diff = (await api(t, "GET", `/api/reports/${id}/diff?from=2&to=1`, { cookie: admin.cookie })).body.data;
    expect(diff).toEqual({ from: 2, to: 1, changes: [{ path: "body.perBidang.politik", before: "Rapat persiapan pilkades", after: "nihil" }] });
  });
});
