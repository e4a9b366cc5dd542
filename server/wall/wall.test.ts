import { QueryTypes } from "sequelize";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WallReportChange, WallSnapshot } from "@contract/wall.ts";
import { RAHASIA_PERIHAL } from "@contract/wall-report.ts";
import { manualClock } from "../core/clock.ts";
import { api, useAccount } from "../test/accounts.ts";
import { situationReport } from "../test/reports.ts";
import type { ClientSocket } from "../test/sockets.ts";
import { openSocket } from "../test/sockets.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * The wall on seeded data. The app's clock stands on Wednesday 16 August 2017, 12:00 WITA, and the seeded
 * reports lie in Tebing Tinggi (63.11.07) on days of that month, which no other suite uses (they share the
 * database in CI): the day's, the week's and the trend's counts are this file's own. Live and resumed
 * changes come from real submissions (intake dates them by the real clock) and are picked out by id.
 */
const KEC = "63.11.07";
const NOW = new Date("2017-08-16T04:00:00Z");
const clock = manualClock(NOW);
const t = useTestApp({}, { clock });
const officer = useAccount(t, "officer", { kecamatanKode: KEC });
const leader = useAccount(t, "leader");
const admin = useAccount(t, "admin");
const sockets: ClientSocket[] = [];
let point: { lat: number; lng: number };
let kioskToken: string;
const alertKey = `wall-test:${Date.now()}`;

interface Seed {
  at: string;
  kerawanan: "rendah" | "sedang" | "tinggi" | "sangat_tinggi";
  status?: "submitted" | "verified";
  classification?: "biasa" | "rahasia";
  kind?: "situation" | "daily";
}

/** A report row as intake would leave it, written straight in (intake dates arrival by the real clock). */
async function seed(r: Seed): Promise<string> {
  const [row] = await t.db.sequelize.query<{ id: string }>(
    `INSERT INTO reports (client_id, number, author_id, kind, period, classification, bidang, sub_category, perihal, kerawanan, body,
                          occurred_at, sent_at, received_at, location, location_source, kecamatan_kode, status)
     VALUES (gen_random_uuid(), 'UJI-' || gen_random_uuid(), :author, :kind, :period, :classification, :bidang, 'uji', 'Uji layar dinding',
             :kerawanan, '{}', :at, :at, :at, ST_SetSRID(ST_MakePoint(:lng, :lat), 4326), 'gps', :kec, :status)
     RETURNING id`,
    {
      replacements: {
        author: officer.id,
        kind: r.kind ?? "situation",
        period: r.kind === "daily" ? "2017-08-16" : null,
        bidang: r.kind === "daily" ? null : "ekonomi",
        classification: r.classification ?? "biasa",
        kerawanan: r.kerawanan,
        at: r.at,
        lat: point.lat,
        lng: point.lng,
        kec: KEC,
        status: r.status ?? "submitted",
      },
      type: QueryTypes.SELECT,
    },
  );
  return row!.id;
}

/** A duty the check would have stored: due today at 20:00 WITA. */
async function seedDuty(officerId: string, kind: "daily" | "weekly", period: string, periodStart: string) {
  await t.db.sequelize.query(
    `INSERT INTO duties (officer_id, kind, period, period_start, kecamatan_kode, due_at, status, judged_at)
     VALUES (:officerId, :kind, :period, :periodStart, :kec, '2017-08-16T12:00:00Z', 'pending', now())`,
    { replacements: { officerId, kind, period, periodStart, kec: KEC } },
  );
}

const seeded: Record<string, string> = {};

beforeAll(async () => {
  const regions = await api(t, "GET", "/api/regions");
  const feature = (regions.body.data.features as { properties: { kode: string; label: [number, number] } }[]).find((f) => f.properties.kode === KEC)!;
  point = { lng: feature.properties.label[0], lat: feature.properties.label[1] };
  seeded.tinggi = await seed({ at: "2017-08-16T01:00:00Z", kerawanan: "tinggi" });
  seeded.sangatTinggi = await seed({ at: "2017-08-16T02:00:00Z", kerawanan: "sangat_tinggi", status: "verified" });
  seeded.rahasia = await seed({ at: "2017-08-16T03:00:00Z", kerawanan: "rendah", classification: "rahasia" });
  seeded.daily = await seed({ at: "2017-08-16T03:30:00Z", kerawanan: "rendah", kind: "daily" });
  // Monday of the same ISO week (counts in the week, not today), and a day earlier in the month (the trend only).
  seeded.monday = await seed({ at: "2017-08-14T02:00:00Z", kerawanan: "sedang" });
  seeded.early = await seed({ at: "2017-08-01T02:00:00Z", kerawanan: "sedang" });
  // Two duties due today: the daily one was sent (the report above), the weekly one not yet.
  await seedDuty(officer.id, "daily", "2017-08-16", "2017-08-16");
  await seedDuty(officer.id, "weekly", "2017-W32", "2017-08-07");
  await t.db.sequelize.query(
    `INSERT INTO alerts (number, rule, key, severity, title, kecamatan_kode, opened_at, updated_at, seen_at)
     VALUES ('PDK-UJI-' || gen_random_uuid(), 'critical', :key, 'awas', 'Uji dinding', :kec, now(), now(), now())`,
    { replacements: { key: alertKey, kec: KEC } },
  );
  const issued = await api(t, "POST", "/api/kiosk-tokens", { cookie: admin.cookie, body: { label: "Uji dinding" } });
  kioskToken = issued.body.data.token;
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  const q = (sql: string) => t.db.sequelize.query(sql, { replacements: { author: officer.id, key: alertKey } });
  await q(`DELETE FROM alerts WHERE key = :key`);
  await q(`DELETE FROM duties WHERE officer_id = :author`);
  await q(`DELETE FROM reports WHERE author_id = :author AND received_at < '2018-01-01'`);
});

const kioskHeaders = () => ({ authorization: `Bearer ${kioskToken}` });

async function snapshot(): Promise<WallSnapshot> {
  const res = await api(t, "GET", "/api/wall", { headers: kioskHeaders() });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as WallSnapshot;
}

/** A real client on the wall: a kiosk by its token, or a session that asks for the wall view. */
function openWallSocket(auth: Record<string, unknown>, cookie?: string): Promise<ClientSocket> {
  const socket: ClientSocket = connect(t.baseUrl, { transports: ["websocket"], auth, extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Every `wall:report` a socket gets, with when it arrived; `waitFor` a report's (it may have come already). */
function wallFeed(socket: ClientSocket) {
  const got: { change: WallReportChange; at: number }[] = [];
  socket.on("wall:report", (change) => got.push({ change, at: Date.now() }));
  return {
    got,
    async waitFor(reportId: string, ms = 3_000): Promise<{ change: WallReportChange; at: number }> {
      for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
        const hit = got.find((g) => g.change.report?.id === reportId);
        if (hit) return hit;
      }
      throw new Error(`no wall:report for ${reportId} within ${ms} ms`);
    },
  };
}

async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport({ location: { ...point, accuracyM: 10, source: "gps" }, ...overrides }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id as string;
}

describe("the wall's snapshot", () => {
  it("counts the day's, the week's and the month's reports of a kecamatan-day, and owed against received", async () => {
    const s = await snapshot();
    expect(s.today).toBe("2017-08-16");
    expect(s.seq).toBeGreaterThanOrEqual(0);
    expect(s.build).toMatch(/^([0-9a-f]{12}|dev)$/);
    const tile = s.tiles.find((k) => k.kecamatanKode === KEC)!;
    expect(tile).toMatchObject({ kecamatanNama: expect.any(String), reportsToday: 4, owedToday: 2, receivedToday: 1, level: "awas" });
    expect(tile.openAlerts).toBeGreaterThanOrEqual(1);
    expect(s.tiles).toHaveLength(8);

    expect(s.counters.today.total).toBe(4);
    expect(s.counters.today.kerawanan).toEqual({ rendah: 2, sedang: 0, tinggi: 1, sangat_tinggi: 1 });
    expect(s.counters.today.status).toMatchObject({ submitted: 3, verified: 1, published: 0 });
    expect(s.counters.week.total).toBe(5);
    expect(s.counters.week.kerawanan.sedang).toBe(1);

    expect(s.trend).toHaveLength(30);
    expect(s.trend[0]!.day).toBe("2017-07-18");
    expect(s.trend.at(-1)).toEqual({ day: "2017-08-16", total: 4, kerawanan: { rendah: 2, sedang: 0, tinggi: 1, sangat_tinggi: 1 } });
    expect(s.trend.find((d) => d.day === "2017-08-14")!.total).toBe(1);
    expect(s.trend.find((d) => d.day === "2017-08-01")!.total).toBe(1);
    expect(s.trend.reduce((n, d) => n + d.total, 0)).toBe(6);
  });

  it("draws the last 24 hours' reports, a rahasia one with its perihal masked, and the live alerts", async () => {
    const s = await snapshot();
    expect(s.recent.map((r) => r.id)).toEqual([seeded.daily, seeded.rahasia, seeded.sangatTinggi, seeded.tinggi]);
    const rahasia = s.recent.find((r) => r.id === seeded.rahasia)!;
    expect(rahasia.perihal).toBe(RAHASIA_PERIHAL);
    expect(rahasia).toMatchObject({ kecamatanKode: KEC, point: [point.lng, point.lat], kerawanan: "rendah", status: "submitted" });
    expect(s.recent.find((r) => r.id === seeded.tinggi)!.perihal).toBe("Uji layar dinding");
    expect(s.alerts.some((a) => a.kecamatanKode === KEC && a.severity === "awas" && a.title === "Uji dinding")).toBe(true);
    expect(s.ticker.length).toBeLessThanOrEqual(20);
    expect(s.ticker.every((r) => r.status === "verified" || r.status === "published")).toBe(true);
  });

  it("carries the settings an admin saves", async () => {
    const put = await api(t, "PUT", "/api/wall/settings", { cookie: admin.cookie, body: { rotateSeconds: 45, sound: true } });
    expect(put.status).toBe(200);
    expect((await snapshot()).settings).toEqual({ rotateSeconds: 45, sound: true });
    expect((await api(t, "PUT", "/api/wall/settings", { cookie: leader.cookie, body: { rotateSeconds: 45, sound: true } })).status).toBe(403);
    expect((await api(t, "PUT", "/api/wall/settings", { cookie: admin.cookie, body: { rotateSeconds: 2, sound: true } })).status).toBe(400);
  });

  it("is for leaders, admins and kiosks only", async () => {
    expect((await api(t, "GET", "/api/wall", { cookie: leader.cookie })).status).toBe(200);
    expect((await api(t, "GET", "/api/wall", { cookie: admin.cookie })).status).toBe(200);
    expect((await api(t, "GET", "/api/wall", { cookie: officer.cookie })).status).toBe(403);
    expect((await api(t, "GET", "/api/wall")).status).toBe(401);
  });
});

describe("resuming the wall", () => {
  it("returns exactly the changes after a seq, each with the report as the wall shows it", async () => {
    const { seq } = await snapshot();
    const ids = [await submit(), await submit({ classification: "rahasia" }), await submit()];
    const res = await api(t, "GET", `/api/wall/changes?after=${seq}`, { headers: kioskHeaders() });
    expect(res.status).toBe(200);
    const got = res.body.data as WallReportChange[];
    const logged = await t.db.sequelize.query<{ seq: string }>(`SELECT seq FROM changes WHERE seq > :seq AND seq <= :last ORDER BY seq`, {
      replacements: { seq, last: res.body.page.seq },
      type: QueryTypes.SELECT,
    });
    expect(got.map((c) => c.seq)).toEqual(logged.map((r) => Number(r.seq)));
    expect(got.filter((c) => ids.includes(c.report?.id ?? "")).map((c) => c.report!.id)).toEqual(ids);
    expect(got.find((c) => c.report?.id === ids[1])!.report!.perihal).toBe(RAHASIA_PERIHAL);
    expect(res.body.page.next).toBeNull();

    // Full pages point at their last seq; the caught-up page says so.
    const first = await api(t, "GET", `/api/wall/changes?after=${seq}&limit=1`, { headers: kioskHeaders() });
    expect(first.body.data).toHaveLength(1);
    expect(first.body.page.next).toBe(String(first.body.data[0].seq));
    const after = await api(t, "GET", `/api/wall/changes?after=${res.body.page.seq}`, { headers: kioskHeaders() });
    expect(after.body.page.seq).toBeGreaterThanOrEqual(res.body.page.seq);
  });
});

describe("the live wall", () => {
  it("sends wall:report to a kiosk socket right after a submission's commit", async () => {
    const feed = wallFeed(await openWallSocket({ kioskToken }));
    const started = Date.now();
    const id = await submit({ kerawanan: "tinggi" });
    const { change, at } = await feed.waitFor(id);
    expect(change.report).toMatchObject({ id, kecamatanKode: KEC, kerawanan: "tinggi", status: "submitted" });
    expect(change.seq).toBeGreaterThan(0);
    expect(at - started).toBeLessThan(1_000);
  });

  it("sends it to a leader's socket that asked for the wall, and not to an ordinary dashboard's", async () => {
    const wall = wallFeed(await openWallSocket({ view: "wall" }, leader.cookie));
    const dashboard = await openSocket(t, { cookie: leader.cookie });
    sockets.push(dashboard);
    let dashboardGotWall = 0;
    dashboard.on("wall:report", () => dashboardGotWall++);
    const staffCreated = new Promise<string>((resolve) => dashboard.on("report:created", (c) => resolve(c.entityId)));
    const id = await submit();
    const { change } = await wall.waitFor(id);
    expect(change.report!.id).toBe(id);
    expect(await staffCreated).toBe(id);
    expect(dashboardGotWall).toBe(0);
  });

  it("does not put an officer's socket on the wall, whatever it asks", async () => {
    const officerFeed = wallFeed(await openWallSocket({ view: "wall" }, officer.cookie));
    const kioskFeed = wallFeed(await openWallSocket({ kioskToken }));
    const id = await submit();
    // The kiosk got it, so had the officer's socket been on the wall it would have by now.
    await kioskFeed.waitFor(id);
    expect(officerFeed.got).toEqual([]);
  });
});
