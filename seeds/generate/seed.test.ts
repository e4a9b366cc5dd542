import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { describe, expect, it, beforeAll } from "vitest";
import { STATUS_CHANGES, type ReportStatus } from "@contract/reports.ts";
import { createLogger } from "../../server/core/logger.ts";
import { api, createAccount, login, type TestAccount } from "../../server/test/accounts.ts";
import { situationReport } from "../../server/test/reports.ts";
import { useTestApp } from "../../server/test/test-app.ts";
import type { Officer, Verifier } from "./cast.ts";
import { seedDemoReports } from "./demo-data.ts";
import { NORTH, SOUTH } from "./fixtures.ts";
import { balanganPlaces } from "./places.ts";
import { seedReports, type SeedSummary } from "./seed.ts";

/**
 * A small run into the test database (shared with other suites: everything is checked for this run's
 * own officers), read back with SQL and through the API as a verifier would read it.
 */

const REPORTS = 2_000;
// A year that no other suite writes to: the rollup tests count every report of their months in this
// shared database, and seeded rows (written without the change log) would be counted there too.
const END = Date.parse("2022-11-15T19:30:00+08:00");

describe("seeding the database", () => {
  const t = useTestApp();
  const cast: { officers: Officer[]; verifiers: Verifier[] } = { officers: [], verifiers: [] };
  let officer: TestAccount;
  let verifier: TestAccount;
  let summary: SeedSummary;
  const sql = <R extends object>(query: string, replacements: Record<string, unknown> = {}) =>
    t.db.sequelize.query<R>(query, { replacements, type: QueryTypes.SELECT });
  const authors = () => cast.officers.map((o) => o.id);

  beforeAll(async () => {
    for (const k of balanganPlaces().kecamatan) {
      const a = await createAccount(t, "officer", { kecamatanKode: k.kode });
      cast.officers.push({ id: a.id, username: a.username, kecamatanKode: k.kode });
      officer ??= a;
    }
    for (const regions of [NORTH, SOUTH]) {
      const v = await createAccount(t, "verifier", { verifierRegions: regions });
      cast.verifiers.push({ id: v.id, username: v.username, regions });
      verifier ??= v;
    }
    // A seed of this run's own: the same seed gives the same report ids, which a kept database has already.
    summary = await seedReports(t.db.sequelize, { seed: `uji-${randomUUID()}`, reports: REPORTS, end: END, cast, batchSize: 700 });
  }, 600_000);

  it("stores every report, with its revisions, events and audit entries", async () => {
    expect(summary).toMatchObject({ stored: REPORTS, generated: REPORTS });
    const [counts] = await sql<{ reports: number; revisions: number; situation: number; periodic: number }>(
      `SELECT count(*)::int AS reports, sum(r.revision)::int AS revisions,
              count(*) FILTER (WHERE kind = 'situation')::int AS situation, count(*) FILTER (WHERE kind <> 'situation')::int AS periodic
       FROM reports r WHERE author_id IN (:authors)`,
      { authors: authors() },
    );
    expect(counts).toEqual({ reports: REPORTS, revisions: expect.any(Number), situation: summary.situation, periodic: summary.periodic });
    const [stored] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE r.author_id IN (:authors)`, { authors: authors() });
    expect(stored!.n).toBe(counts!.revisions);
    const [audit] = await sql<{ n: number; numbered: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE details ->> 'number' LIKE 'LI-%')::int AS numbered
       FROM audit_log WHERE action = 'report.status_changed' AND actor_id IN (:verifiers)`,
      { verifiers: cast.verifiers.map((v) => v.id) },
    );
    expect(audit!.n).toBeGreaterThan(REPORTS / 2);
    expect(audit!.numbered).toBe(audit!.n);
  });

  it("records decisions consistent with STATUS_CHANGES, by verifiers of the report's kecamatan", async () => {
    const events = await sql<{ report_id: string; actor_id: string; action: string; from_status: string | null; to_status: string | null; kecamatan_kode: string; status: ReportStatus }>(
      `SELECT e.report_id, e.actor_id, e.action, e.from_status, e.to_status, r.kecamatan_kode, r.status
       FROM report_events e JOIN reports r ON r.id = e.report_id WHERE r.author_id IN (:authors) ORDER BY e.report_id, e.id`,
      { authors: authors() },
    );
    const regionsOf = new Map(cast.verifiers.map((v) => [v.id, v.regions]));
    const last = new Map<string, { status: ReportStatus; expected: ReportStatus }>();
    for (const e of events) {
      const state = last.get(e.report_id) ?? { status: "submitted" as ReportStatus, expected: e.status };
      if (e.action === "status_changed") {
        expect(e.from_status).toBe(state.status);
        expect(STATUS_CHANGES[state.status]).toContain(e.to_status);
        expect(regionsOf.get(e.actor_id)).toContain(e.kecamatan_kode);
        state.status = e.to_status as ReportStatus;
      } else if (e.action === "revised") {
        expect(state.status).toBe("revision_requested");
        state.status = "submitted";
      }
      last.set(e.report_id, state);
    }
    expect(last.size).toBe(REPORTS);
    for (const s of last.values()) expect(s.status).toBe(s.expected);
  });

  it("puts every point inside its desa and kecamatan, as PostGIS sees them", async () => {
    const [outside] = await sql<{ n: number; checked: number }>(
      `SELECT count(*) FILTER (WHERE NOT ST_Contains(d.geom, r.location) OR NOT ST_Contains(k.geom, r.location))::int AS n, count(*)::int AS checked
       FROM reports r JOIN regions d ON d.kode = r.desa_kode JOIN regions k ON k.kode = r.kecamatan_kode
       WHERE r.author_id IN (:authors)`,
      { authors: authors() },
    );
    expect(outside).toEqual({ n: 0, checked: REPORTS });
    const sample = await sql<{ lat: number; lng: number; desa_kode: string }>(
      `SELECT ST_Y(location) AS lat, ST_X(location) AS lng, desa_kode FROM reports WHERE author_id IN (:authors) ORDER BY id LIMIT 25`,
      { authors: authors() },
    );
    for (const p of sample) expect((await t.services.regions.locateInDatabase(p.lat, p.lng))?.desa?.kode).toBe(p.desa_kode);
  });

  it("numbers reports from report_number_seq, so a report filed afterwards takes the next number", async () => {
    const numbers = await sql<{ number: string }>(`SELECT number FROM reports WHERE author_id IN (:authors)`, { authors: authors() });
    expect(new Set(numbers.map((n) => n.number)).size).toBe(REPORTS);
    for (const { number } of numbers) expect(number).toMatch(/^LI-20(21|22)-\d{6,}$/);
    const highest = Math.max(...numbers.map((n) => Number(n.number.split("-")[2])));
    const res = await api(t, "POST", "/api/reports", { cookie: await login(t, officer), body: situationReport() });
    expect(res.status).toBe(201);
    expect(Number(String(res.body.data.number).split("-")[2])).toBeGreaterThan(highest);
  });

  it("merges hotspots into numbered incidents and assigns follow-ups, each in its reports' trails", async () => {
    expect(summary.incidents).toBeGreaterThan(0);
    expect(summary.assignments).toBeGreaterThan(0);
    const [merged] = await sql<{ members: number; events: number; incidents: number }>(
      `SELECT count(*)::int AS members, count(DISTINCT ir.incident_id)::int AS incidents,
              (SELECT count(*)::int FROM report_events e JOIN reports r ON r.id = e.report_id WHERE e.action = 'merged' AND r.author_id IN (:authors)) AS events
       FROM incident_reports ir JOIN reports r ON r.id = ir.report_id WHERE r.author_id IN (:authors) AND r.status = 'verified'`,
      { authors: authors() },
    );
    expect(merged!.incidents).toBe(summary.incidents);
    expect(merged!.events).toBe(merged!.members);
    const [seq] = await sql<{ last: number; highest: number }>(
      `SELECT (SELECT last_value FROM incident_number_seq)::int AS last, max(split_part(number, '-', 3)::int) AS highest FROM incidents`,
    );
    expect(seq!.last).toBeGreaterThanOrEqual(seq!.highest);
  });

  it("reads back through the API: the whole report and its history, as a verifier of its kecamatan sees them", async () => {
    const [revised] = await sql<{ id: string; events: number }>(
      `SELECT r.id, (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id) AS events
       FROM reports r WHERE r.author_id IN (:authors) AND r.revision = 2 AND r.kind = 'situation' AND r.kecamatan_kode IN (:north) LIMIT 1`,
      { authors: authors(), north: NORTH },
    );
    const cookie = await login(t, verifier);
    const detail = await api(t, "GET", `/api/reports/${revised!.id}`, { cookie });
    expect(detail.status).toBe(200);
    const history = await api(t, "GET", `/api/reports/${revised!.id}/history`, { cookie });
    expect(history.status).toBe(200);
    expect(history.body.data.map((e: { action: string }) => e.action)).toContain("revised");
    expect(history.body.data).toHaveLength(revised!.events);
  });

  it("adds nothing when the same seed and end run again (--append), not even audit entries or incidents", async () => {
    const seed = `uji-lagi-${randomUUID()}`;
    const first = await seedReports(t.db.sequelize, { seed, reports: 300, end: END, cast });
    const audit = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id IN (:verifiers)`, { verifiers: cast.verifiers.map((v) => v.id) }))[0]!.n;
    const before = await audit();
    const again = await seedReports(t.db.sequelize, { seed, reports: 300, end: END, cast });
    // Its periodic reports may meet the first run's (same officers, same periods): those are skipped too.
    expect(first.stored).toBeGreaterThanOrEqual(first.situation);
    expect(again).toMatchObject({ stored: 0, generated: 300, incidents: 0, assignments: 0 });
    expect(await audit()).toBe(before);
  });

  it("leaves a database that holds reports alone in demo mode", async () => {
    const [before] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM reports`);
    await seedDemoReports({ db: t.db.sequelize, users: t.services.users, kecamatan: await t.services.regions.kecamatanList(), now: new Date(), log: createLogger("silent") });
    const [after] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM reports`);
    expect(after!.n).toBe(before!.n);
  });
});
