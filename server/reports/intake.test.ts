import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, describe, expect, it } from "vitest";
import type { SubmitReportRaw, SubmitResult } from "@contract/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";
import { POINTS, dailyReport, situationReport } from "../test/reports.ts";

// The burst test below sends 250 events per socket at once; per-socket rate limiting has its own tests.
const t = useTestApp({ SOCKET_EVENTS_PER_SECOND: "5000" });
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
let sockets: ClientSocket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

const count = async (sql: string, replacements: Record<string, unknown> = {}) =>
  Number((await t.db.sequelize.query<{ n: number }>(sql, { replacements, type: QueryTypes.SELECT }))[0]!.n);
const rowsFor = (clientId: string) => count(`SELECT count(*) AS n FROM reports WHERE client_id = :clientId`, { clientId });

function submitOverSocket(socket: ClientSocket, input: unknown): Promise<any> {
  return new Promise((resolve) => socket.emit("report:submit", input as SubmitReportRaw, resolve));
}

describe("report intake over REST", () => {
  it("stores a report, answers after commit with client_id and the stored id, places it by point", async () => {
    const input = situationReport();
    const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    expect(res.status).toBe(201);
    const result: SubmitResult = res.body.data;
    expect(result).toMatchObject({ clientId: input.clientId, revision: 1, status: "submitted", duplicate: false, outsideMeters: 0 });
    expect(result.kecamatan).toEqual({ kode: "63.11.06", nama: "Paringin" });
    expect(result.desa).toEqual({ kode: "63.11.06.1023", nama: "Paringin Kota" });
    expect(result.number).toMatch(/^LI-\d{4}-\d{6}$/);

    const stored = await api(t, "GET", `/api/reports/${result.id}`, { cookie: officer.cookie });
    expect(stored.status).toBe(200);
    expect(stored.body.data).toMatchObject({ id: result.id, perihal: input.perihal, kind: "situation", bidang: "ekonomi" });
    expect(stored.body.data.body.fakta.siapa).toBe("Sekitar 50 warga desa");
  });

  it("answers a repeat with the original result and writes nothing new", async () => {
    const input = situationReport();
    const first = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    const again = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ ...first.body.data, duplicate: true });
    expect(await rowsFor(input.clientId)).toBe(1);
  });

  it("refuses the same client_id with another payload with 409 and leaves the original untouched", async () => {
    const input = situationReport();
    const first = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    const other = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: { ...input, perihal: "Judul lain" } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("client_id_conflict");
    const stored = await api(t, "GET", `/api/reports/${first.body.data.id}`, { cookie: officer.cookie });
    expect(stored.body.data.perihal).toBe(input.perihal);
    expect(await rowsFor(input.clientId)).toBe(1);
  });

  it("stores texts with quotes, backslashes and non-Latin letters exactly as sent", async () => {
    const perihal = `Rapat Jum'at di rumah Pak Ma'ruf — "darurat" \\ C:\\data 'ok'' ; DROP TABLE reports; -- ᬩᬮᬶ 🙂`;
    const input = situationReport({ perihal });
    const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    expect(res.status).toBe(201);
    const stored = await api(t, "GET", `/api/reports/${res.body.data.id}`, { cookie: officer.cookie });
    expect(stored.body.data.perihal).toBe(perihal);
    const again = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    expect(again.body.data).toEqual({ ...res.body.data, duplicate: true });
  });

  it("treats a retry with its fields in another order as the same report", async () => {
    const input = situationReport();
    const first = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    const reordered = JSON.parse(JSON.stringify(input), (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(Object.keys(reordered)).not.toEqual(Object.keys(input));
    const again = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: reordered });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ ...first.body.data, duplicate: true });
  });

  it("sees a change deep inside the body, or a new place far outside, as a conflict", async () => {
    const input = situationReport();
    const first = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    expect(first.status).toBe(201);
    const body = input.body as { fakta: Record<string, unknown> };
    const deeper = { ...input, body: { ...body, fakta: { ...body.fakta, siapa: "Sekitar 51 warga desa" } } };
    const changed = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: deeper });
    expect(changed.status).toBe(409);
    // Jakarta: outside Balangan would be 422 for a new report; for a known client_id it is a conflict.
    const moved = await api(t, "POST", "/api/reports", {
      cookie: officer.cookie,
      body: { ...input, location: { lat: -6.2, lng: 106.8, accuracyM: 10, source: "gps" } },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe("client_id_conflict");
    expect(await rowsFor(input.clientId)).toBe(1);
  });

  it("refuses another account reusing a client_id as a conflict, not as a duplicate", async () => {
    const input = situationReport();
    await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    const other = await login(t, await createAccount(t, "officer"));
    const res = await api(t, "POST", "/api/reports", { cookie: other, body: input });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("client_id_conflict");
  });

  it("refuses invalid input with 400 and a message per field, writing nothing", async () => {
    const before = await count(`SELECT count(*) AS n FROM reports`);
    const input = situationReport({
      perihal: "x".repeat(201),
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      location: { lat: 95, lng: Number.NaN, accuracyM: -1, source: "gps" },
      photos: Array.from({ length: 6 }, (_, i) => i.toString(16).padStart(64, "0")),
    });
    const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: input });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(["perihal", "occurredAt", "location.lat", "location.lng", "location.accuracyM", "photos"]),
    );
    const long = await api(t, "POST", "/api/reports", {
      cookie: officer.cookie,
      body: situationReport({ body: { ...(situationReport().body as object), fakta: { siapa: "x".repeat(10_001) } } }),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fields["body.fakta.siapa"]).toMatch(/10000/);
    expect(await count(`SELECT count(*) AS n FROM reports`)).toBe(before);
  });

  it("refuses a point more than 2 km outside Balangan with 422, and places one just outside in the nearest kecamatan, flagged", async () => {
    const far = await api(t, "POST", "/api/reports", {
      cookie: officer.cookie,
      body: situationReport({ location: { lat: -2.3, lng: 116.5, accuracyM: 5, source: "gps" } }),
    });
    expect(far.status).toBe(422);
    expect(far.body.error.code).toBe("outside_region");

    // A point 1 km beyond the border, computed by PostGIS from the real boundary.
    const [near] = await t.db.sequelize.query<{ lat: number; lng: number; kode: string }>(
      `WITH b AS (SELECT ST_Union(geom) AS g FROM regions WHERE level = 'kecamatan'),
            far AS (SELECT ST_SetSRID(ST_MakePoint(116.5, -2.3), 4326) AS p),
            edge AS (SELECT ST_ClosestPoint(b.g, far.p) AS e, far.p FROM b, far),
            q AS (SELECT ST_Project(e::geography, 1000, ST_Azimuth(e, p))::geometry AS q, e FROM edge)
       SELECT ST_Y(q) AS lat, ST_X(q) AS lng,
              (SELECT kode FROM regions WHERE level = 'kecamatan' ORDER BY geom <-> q.e LIMIT 1) AS kode FROM q`,
      { type: QueryTypes.SELECT },
    );
    const res = await api(t, "POST", "/api/reports", {
      cookie: officer.cookie,
      body: situationReport({ location: { lat: near!.lat, lng: near!.lng, accuracyM: 30, source: "pin" } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.data.kecamatan.kode).toBe(near!.kode);
    expect(res.body.data.outsideMeters).toBeGreaterThan(900);
    expect(res.body.data.outsideMeters).toBeLessThan(1100);
  });

  it("lets only officers submit", async () => {
    const verifier = await login(t, await createAccount(t, "verifier"));
    expect((await api(t, "POST", "/api/reports", { cookie: verifier, body: situationReport() })).status).toBe(403);
    expect((await api(t, "POST", "/api/reports", { body: situationReport() })).status).toBe(401);
  });
});

describe("report intake over Socket.IO", () => {
  it("acks after commit with the client_id and stored id; a repeat gets the same answer", async () => {
    const socket = await openSocket(t, { cookie: officer.cookie });
    sockets.push(socket);
    const input = situationReport({ location: { ...POINTS.juai, accuracyM: 8, source: "gps" } });
    const ack = await submitOverSocket(socket, input);
    expect(ack.data).toMatchObject({ clientId: input.clientId, duplicate: false, kecamatan: { kode: "63.11.01", nama: "Juai" } });
    expect(await rowsFor(input.clientId)).toBe(1);
    const again = await submitOverSocket(socket, input);
    expect(again.data).toEqual({ ...ack.data, duplicate: true });
    const bad = await submitOverSocket(socket, { ...input, clientId: "nope" });
    expect(bad.error.code).toBe("invalid_input");
    expect(bad.error.fields.clientId).toBeDefined();
  });

  it("200 client_ids × 10 concurrent identical submits over sockets and REST → 200 rows, no errors", async () => {
    const officers = await Promise.all(Array.from({ length: 4 }, () => createAccount(t, "officer")));
    const cookies = await Promise.all(officers.map((o) => login(t, o)));
    const socks = await Promise.all(cookies.map((cookie) => openSocket(t, { cookie })));
    sockets.push(...socks);
    const inputs = Array.from({ length: 200 }, (_, i) => ({ owner: i % 4, input: situationReport({ perihal: `Laporan serentak ${i}` }) }));

    const attempts = inputs.flatMap(({ owner, input }) =>
      Array.from({ length: 10 }, (_, k) =>
        k % 2 === 0
          ? submitOverSocket(socks[owner]!, input)
          : api(t, "POST", "/api/reports", { cookie: cookies[owner], body: input }).then((r) =>
              r.status === 200 || r.status === 201 ? r.body : { error: { code: `http_${r.status}`, message: JSON.stringify(r.body) } },
            ),
      ),
    );
    const answers = await Promise.all(attempts);
    const errors = answers.filter((a) => a.error);
    expect(errors).toEqual([]);

    const ids = inputs.map((x) => x.input.clientId);
    expect(await count(`SELECT count(*) AS n FROM reports WHERE client_id = ANY (CAST(:ids AS uuid[]))`, { ids: `{${ids.join(",")}}` })).toBe(200);
    // Every answer for a client_id names the same stored report, and exactly one of the ten was "new".
    for (let i = 0; i < 200; i++) {
      const mine = answers.slice(i * 10, i * 10 + 10).map((a) => a.data as SubmitResult);
      expect(new Set(mine.map((m) => m.id)).size).toBe(1);
      expect(mine.every((m) => m.clientId === ids[i])).toBe(true);
      expect(mine.filter((m) => !m.duplicate)).toHaveLength(1);
    }

    // Same id, another payload → 409; the original is intact.
    const clash = await api(t, "POST", "/api/reports", { cookie: cookies[0], body: { ...inputs[0]!.input, perihal: "diubah" } });
    expect(clash.status).toBe(409);
    const [row] = await t.db.sequelize.query<{ perihal: string }>(`SELECT perihal FROM reports WHERE client_id = :id`, {
      replacements: { id: ids[0] },
      type: QueryTypes.SELECT,
    });
    expect(row!.perihal).toBe("Laporan serentak 0");
  }, 180_000);
});

describe("periodic reports", () => {

  it("keeps one report per officer per period; another submission becomes a revision, each idempotent", async () => {
    const officerB = await createAccount(t, "officer");
    const cookie = await login(t, officerB);
    const first = dailyReport(randomUUID(), "2026-11-20");
    const second = dailyReport(randomUUID(), "2026-11-20", { jumlahKejadian: 2, situasiUmum: "ada-kejadian" });
    const r1 = await api(t, "POST", "/api/reports", { cookie, body: first });
    const r2 = await api(t, "POST", "/api/reports", { cookie, body: second });
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    expect(r2.body.data.id).toBe(r1.body.data.id);
    expect([r1.body.data.revision, r2.body.data.revision]).toEqual([1, 2]);

    const replay = await api(t, "POST", "/api/reports", { cookie, body: first });
    expect(replay.status).toBe(200);
    expect(replay.body.data).toMatchObject({ id: r1.body.data.id, revision: 1, duplicate: true });

    const stored = await api(t, "GET", `/api/reports/${r1.body.data.id}`, { cookie });
    expect(stored.body.data).toMatchObject({ revision: 2, period: "2026-11-20", kind: "daily" });
    expect(stored.body.data.body.jumlahKejadian).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM report_revisions WHERE report_id = :id`, { id: r1.body.data.id })).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM reports WHERE author_id = :id AND kind = 'daily'`, { id: officerB.id })).toBe(1);
  });

  it("serialises concurrent submissions for one period: one report, as many revisions", async () => {
    const officerC = await createAccount(t, "officer");
    const cookie = await login(t, officerC);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api(t, "POST", "/api/reports", { cookie, body: dailyReport(randomUUID(), "2026-11-21") })),
    );
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.data.id)).size).toBe(1);
    expect(results.map((r) => r.body.data.revision).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("checks the period format per kind", async () => {
    const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: { ...dailyReport(randomUUID(), "2026-W48"), kind: "weekly", period: "2026-W60" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.period).toBeDefined();
  });
});

describe("who sees which reports", () => {
  it("a verifier of Halong never lists Juai's reports; a guest lists nothing; rahasia stays with its region", async () => {
    const juaiOfficer = await createAccount(t, "officer", { kecamatanKode: "63.11.01" });
    const cookie = await login(t, juaiOfficer);
    const secret = situationReport({ classification: "rahasia", location: { ...POINTS.juai, accuracyM: 5, source: "gps" } });
    const res = await api(t, "POST", "/api/reports", { cookie, body: secret });
    expect(res.status).toBe(201);
    const id = res.body.data.id;

    const halong = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.02"] }));
    const juai = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.01"] }));
    const leader = await login(t, await createAccount(t, "leader"));
    const guest = await login(t, await createAccount(t, "guest"));

    const halongList = await api(t, "GET", "/api/reports?limit=500", { cookie: halong });
    expect(halongList.status).toBe(200);
    expect(halongList.body.data.every((r: any) => r.kecamatan.kode === "63.11.02")).toBe(true);
    expect((await api(t, "GET", `/api/reports/${id}`, { cookie: halong })).status).toBe(404);
    expect((await api(t, "GET", `/api/changes?after=0&limit=1000`, { cookie: halong })).body.data.some((c: any) => c.entityId === id)).toBe(false);

    const juaiList = await api(t, "GET", "/api/reports?limit=500", { cookie: juai });
    expect(juaiList.body.data.map((r: any) => r.id)).toContain(id);
    expect((await api(t, "GET", `/api/reports/${id}`, { cookie: leader })).status).toBe(200);

    expect((await api(t, "GET", "/api/reports", { cookie: guest })).status).toBe(403);
    expect((await api(t, "GET", `/api/changes?after=0&limit=1000`, { cookie: guest })).body.data).toEqual([]);

    // Another officer, even of the same kecamatan, sees only their own.
    const peer = await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.01" }));
    expect((await api(t, "GET", "/api/reports", { cookie: peer })).body.data).toEqual([]);
    expect((await api(t, "GET", `/api/reports/${id}`, { cookie: peer })).status).toBe(404);
  });
});

describe("sub-categories", () => {
  it("admins add and retire sub-categories; intake accepts known ones (retired too) and refuses unknown", async () => {
    const admin = await login(t, await createAccount(t, "admin"));
    // A name of this run's own: sub-categories outlive a run on a kept database.
    const name = `hoaks pemilu ${Date.now().toString(36)}`;
    const list = await api(t, "GET", "/api/sub-categories");
    expect(list.body.data.filter((c: any) => c.bidang === "politik").map((c: any) => c.name)).toContain("pilkada/pilkades");

    const unknown = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport({ bidang: "politik", subCategory: name }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.subCategory).toMatch(/politik/);

    const created = await api(t, "POST", "/api/sub-categories", { cookie: admin, body: { bidang: "politik", name } });
    expect(created.status).toBe(201);
    expect((await api(t, "POST", "/api/sub-categories", { cookie: admin, body: { bidang: "politik", name } })).status).toBe(409);
    const known = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport({ bidang: "politik", subCategory: name }) });
    expect(known.status).toBe(201);

    const retired = await api(t, "PATCH", `/api/sub-categories/${created.body.data.id}`, { cookie: admin, body: { active: false } });
    expect(retired.body.data.active).toBe(false);
    const late = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport({ bidang: "politik", subCategory: name }) });
    expect(late.status).toBe(201);
    expect((await api(t, "PATCH", "/api/sub-categories/999999", { cookie: admin, body: { active: false } })).status).toBe(404);
  });
});
