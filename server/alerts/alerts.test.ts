import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertChange, AlertView } from "@contract/alerts.ts";
import { manualClock } from "../core/clock.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * The rules on seeded rows. Each test lives in its own month of 2019, far from any other suite's reports
 * (they share the database in CI) and two months from the others here, so each window sees only its own.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JUAI = "63.11.01";
const HALONG = "63.11.02";
const PARINGIN = "63.11.06";
const LAMPIHONG = "63.11.05";
const BATUMANDI = "63.11.04";
const AWAYAN = "63.11.03";

const clock = manualClock(new Date("2019-01-01T00:00:00Z"));
const t = useTestApp({}, { clock });
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  // Rules another suite ran at the real clock (the access matrix's POST /api/alerts/evaluate) can leave
  // live alerts keyed as this file's are: silence:63.11.04 for a kecamatan whose last report is another
  // suite's from 2022, say. This file's 2019 runs would then refresh those instead of opening their own.
  // Nothing after this file relies on them.
  await t.db.sequelize.query(
    `UPDATE alerts SET status = 'closed', closed_at = now(), closed_reason = 'condition_gone', updated_at = now()
     WHERE status <> 'closed' AND opened_at >= '2020-01-01' AND key NOT LIKE 'matrix:%'`,
  );
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  // Leave nothing behind for a rerun on the same database: this file's reports and the alerts they raised.
  await t.db.sequelize.query(
    `WITH mine AS (SELECT id FROM reports WHERE author_id = :author),
          raised AS (SELECT DISTINCT alert_id AS id FROM alert_evidence WHERE report_id IN (SELECT id FROM mine)),
          evidence AS (DELETE FROM alert_evidence WHERE alert_id IN (SELECT id FROM raised) RETURNING 1),
          events AS (DELETE FROM alert_events WHERE alert_id IN (SELECT id FROM raised) RETURNING 1)
     SELECT (SELECT count(*) FROM evidence) + (SELECT count(*) FROM events) AS n`,
    { replacements: { author: officer.id } },
  );
  await t.db.sequelize.query(`DELETE FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM alert_evidence e WHERE e.alert_id = a.id) AND a.key NOT LIKE 'matrix:%' AND a.opened_at < '2020-01-01'`);
  await t.db.sequelize.query(`DELETE FROM reports WHERE author_id = :author`, { replacements: { author: officer.id } });
});

interface Seeded {
  kecamatan: string;
  at: Date;
  bidang?: string;
  kerawanan?: "rendah" | "sedang" | "tinggi" | "sangat_tinggi";
  korban?: number;
  lat?: number;
  lng?: number;
  kind?: "situation" | "daily";
}

/** A report row as intake would leave it, written straight in (intake dates arrival by the real clock). */
async function seed(r: Seeded): Promise<string> {
  const [row] = await t.db.sequelize.query<{ id: string }>(
    `INSERT INTO reports (client_id, number, author_id, kind, period, classification, bidang, sub_category, perihal, kerawanan, body,
                          occurred_at, sent_at, received_at, location, location_source, kecamatan_kode, status)
     VALUES (gen_random_uuid(), 'UJI-' || gen_random_uuid(), :author, :kind, :period, 'biasa', :bidang, 'uji', 'Uji peringatan dini',
             :kerawanan, CAST(:body AS jsonb), :at, :at, :at, ST_SetSRID(ST_MakePoint(:lng, :lat), 4326), 'gps', :kecamatan, 'submitted')
     RETURNING id`,
    {
      replacements: {
        author: officer.id,
        kind: r.kind ?? "situation",
        period: r.kind === "daily" ? `${r.at.toISOString().slice(0, 10)}` : null,
        bidang: r.kind === "daily" ? null : (r.bidang ?? "ekonomi"),
        kerawanan: r.kerawanan ?? "rendah",
        body: JSON.stringify({ fakta: { korban: r.korban ?? 0 } }),
        at: r.at.toISOString(),
        lat: r.lat ?? -2.3217,
        lng: r.lng ?? 115.4584,
        kecamatan: r.kecamatan,
      },
      type: QueryTypes.SELECT,
    },
  );
  return row!.id;
}

/** This file's alerts of `key` (opened in its 2019), oldest first. */
async function alertsOf(key: string): Promise<{ id: string; status: string; severity: string; evidence: number }[]> {
  return t.db.sequelize.query(
    `SELECT a.id, a.status, a.severity, (SELECT count(*)::int FROM alert_evidence e WHERE e.alert_id = a.id) AS evidence
     FROM alerts a WHERE a.key = :key AND a.opened_at < '2020-01-01' ORDER BY a.opened_at`,
    { replacements: { key }, type: QueryTypes.SELECT },
  );
}

const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

describe("early-warning rules", () => {
  it("opens exactly one alert for one critical report, at once and never twice, and closes it when it has passed", async () => {
    const now = new Date("2019-01-10T04:00:00Z");
    const severe = await seed({ kecamatan: JUAI, at: at(now, -HOUR), kerawanan: "sangat_tinggi" });
    const withVictims = await seed({ kecamatan: JUAI, at: at(now, -2 * HOUR), kerawanan: "tinggi", korban: 2 });
    const noVictims = await seed({ kecamatan: JUAI, at: at(now, -2 * HOUR), kerawanan: "tinggi" });

    // Two runs at once (two nodes, or a report change during the 5-minute pass): one alert each.
    await Promise.all([t.services.alerts.evaluate(now), t.services.alerts.evaluate(now)]);
    await t.services.alerts.evaluate(at(now, 60_000));
    expect(await alertsOf(`critical:${severe}`)).toEqual([{ id: expect.any(String), status: "open", severity: "awas", evidence: 1 }]);
    expect(await alertsOf(`critical:${withVictims}`)).toEqual([expect.objectContaining({ status: "open", severity: "siaga" })]);
    expect(await alertsOf(`critical:${noVictims}`)).toEqual([]);

    // A day later the reports are out of the 24-hour window, and an hour unseen closes the alerts.
    await t.services.alerts.evaluate(at(now, 26 * HOUR));
    expect(await alertsOf(`critical:${severe}`)).toEqual([expect.objectContaining({ status: "closed" })]);
  });

  it("finds a seeded spike against the kecamatan's own baseline, and nothing in a normal week", async () => {
    const now = new Date("2019-03-20T04:00:00Z");
    // Halong, ekonomi: four reports over the four weeks before last week, then six in the last day.
    for (const days of [10, 17, 24, 31]) await seed({ kecamatan: HALONG, at: at(now, -days * DAY), bidang: "ekonomi" });
    for (let i = 1; i <= 6; i++) await seed({ kecamatan: HALONG, at: at(now, -i * 3 * HOUR), bidang: "ekonomi" });
    // Paringin, politik: one report a day for five weeks, the last week included: steady, not a spike.
    for (let d = 0; d < 35; d++) await seed({ kecamatan: PARINGIN, at: at(now, -(d * DAY + 2 * HOUR)), bidang: "politik", lat: -2.2, lng: 115.3 + d * 0.003 });

    await t.services.alerts.evaluate(now);
    const [spike] = await alertsOf(`spike:${HALONG}:ekonomi`);
    expect(spike).toMatchObject({ status: "open", evidence: 6 });
    const view = await t.services.alerts.get({ id: officer.id, role: "admin" } as never, spike!.id);
    expect(view.metrics).toMatchObject({ window: "24 jam", count: 6 });
    expect(Number(view.metrics.p)).toBeLessThan(0.001);
    expect(await alertsOf(`spike:${PARINGIN}:politik`)).toEqual([]);
  });

  it("draws a hotspot of three nearby reports, and escalates the same alert as the cluster grows", async () => {
    const now = new Date("2019-05-20T04:00:00Z");
    const near = (i: number) => ({ kecamatan: LAMPIHONG, lat: -2.35 + i * 0.002, lng: 115.5 + i * 0.002, bidang: "sosial-budaya" });
    const first = [] as string[];
    for (let i = 0; i < 3; i++) first.push(await seed({ ...near(i), at: at(now, -(i + 1) * HOUR) }));

    await t.services.alerts.evaluate(now);
    const key = `hotspot:${first[2]}`; // named by its first (oldest) report
    expect(await alertsOf(key)).toEqual([expect.objectContaining({ status: "open", severity: "waspada", evidence: 3 })]);
    const { data: [opened] } = await t.services.alerts.list({ id: officer.id, role: "admin" } as never, { status: "live", rule: "hotspot", limit: 100 });
    expect(opened?.area).toMatchObject({ type: "Polygon" });

    for (let i = 3; i < 6; i++) await seed({ ...near(i), at: at(now, 30 * 60_000) });
    await t.services.alerts.evaluate(at(now, HOUR));
    const after = await t.db.sequelize.query<{ key: string }>(`SELECT key FROM alerts WHERE rule = 'hotspot' AND status <> 'closed' AND opened_at >= :since AND opened_at < :until`, {
      replacements: { since: now.toISOString(), until: at(now, 2 * HOUR).toISOString() },
      type: QueryTypes.SELECT,
    });
    expect(after).toEqual([{ key }]);
    expect(await alertsOf(key)).toEqual([expect.objectContaining({ status: "open", severity: "siaga", evidence: 6 })]);
  });

  it("notices a kecamatan that fell silent for 48 hours", async () => {
    const now = new Date("2019-07-20T04:00:00Z");
    // Two kecamatan no earlier test here reported from: one quiet for 50 hours, one that reported this morning.
    await seed({ kecamatan: BATUMANDI, at: at(now, -50 * HOUR), kind: "daily" });
    await seed({ kecamatan: AWAYAN, at: at(now, -5 * HOUR), kind: "daily" });
    await t.services.alerts.evaluate(now);
    expect(await alertsOf(`silence:${BATUMANDI}`)).toEqual([expect.objectContaining({ status: "open", severity: "waspada" })]);
    expect(await alertsOf(`silence:${AWAYAN}`)).toEqual([]);
  });

  it("lets a leader acknowledge with a note (once), tells leaders live, and keeps officers and other regions out", async () => {
    const now = new Date("2019-09-10T04:00:00Z");
    clock.set(now);
    const leader = await login(t, await createAccount(t, "leader"));
    const south = await login(t, await createAccount(t, "verifier", { verifierRegions: [JUAI] }));
    const socket = await openSocket(t, { cookie: leader });
    sockets.push(socket);
    const heard: AlertChange[] = [];
    socket.on("alert:changed", (change) => heard.push(change));

    const report = await seed({ kecamatan: PARINGIN, at: at(now, -HOUR), kerawanan: "sangat_tinggi" });
    await t.services.alerts.evaluate(now);
    const [alert] = await alertsOf(`critical:${report}`);
    await expect.poll(() => heard.find((c) => c.alert.id === alert!.id)?.kind).toBe("opened");

    const ack = await api(t, "POST", `/api/alerts/${alert!.id}/acknowledge`, { cookie: leader, body: { note: "Tim sudah ke lokasi" } });
    expect(ack.status).toBe(200);
    expect(ack.body.data).toMatchObject({ status: "acknowledged", acknowledgeNote: "Tim sudah ke lokasi" });
    await expect.poll(() => heard.filter((c) => c.alert.id === alert!.id).map((c) => c.kind)).toEqual(["opened", "acknowledged"]);
    expect((await api(t, "POST", `/api/alerts/${alert!.id}/acknowledge`, { cookie: leader, body: { note: "lagi" } })).status).toBe(409);
    expect((await api(t, "POST", `/api/alerts/${alert!.id}/acknowledge`, { cookie: leader, body: { note: "" } })).status).toBe(400);

    expect((await api(t, "GET", `/api/alerts/${alert!.id}`, { cookie: officer.cookie })).status).toBe(403);
    expect((await api(t, "GET", `/api/alerts/${alert!.id}`, { cookie: south })).status).toBe(404);
    const levels = await api(t, "GET", "/api/alerts/levels", { cookie: leader });
    expect(levels.body.data.find((k: { kecamatanKode: string }) => k.kecamatanKode === PARINGIN)).toMatchObject({ level: "awas" });
    const closed = await api(t, "POST", `/api/alerts/${alert!.id}/close`, { cookie: leader, body: { note: "Selesai" } });
    expect(closed.body.data as AlertView).toMatchObject({ closedReason: "by_hand", closeNote: "Selesai" });
  });
});
