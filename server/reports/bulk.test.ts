import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, describe, expect, it } from "vitest";
import type { BulkItemResult, BulkOutcome } from "@contract/claims.ts";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { actorOfAccount, POINTS, situationReport } from "../test/reports.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";

const PARINGIN = "63.11.06";
const JUAI = "63.11.01";

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const juaiOfficer = useAccount(t, "officer", { kecamatanKode: JUAI });
const verifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const holder = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });

const sockets: ClientSocket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

/** `n` situation reports stored through intake, as their officer's phone would send them. */
async function reports(n: number, who = officer, kode = PARINGIN): Promise<string[]> {
  const location = { ...(kode === JUAI ? POINTS.juai : POINTS.paringin), accuracyM: 10, source: "gps" };
  const actor = actorOfAccount(who, kode);
  const ids: string[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => t.services.intake.submit(actor, situationReport({ location })));
    ids.push(...(await Promise.all(batch)).map((r) => r.id));
  }
  return ids;
}

const bulk = (cookie: string | undefined, body: unknown) => api(t, "POST", "/api/reports/bulk", { cookie, body });

async function stateOf(ids: string[]) {
  const rows = await t.db.sequelize.query<{ id: string; status: string; version: number; decisions: number; audited: number }>(
    `SELECT r.id, r.status, r.version,
            (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id AND e.action = 'status_changed') AS decisions,
            (SELECT count(*)::int FROM audit_log a WHERE a.target_id = r.id::text AND a.action = 'report.status_changed'
               AND a.details @> '{"bulk": true}') AS audited
     FROM reports r WHERE r.id = ANY (CAST(:ids AS uuid[]))`,
    { replacements: { ids: `{${ids.join(",")}}` }, type: QueryTypes.SELECT },
  );
  return new Map(rows.map((r) => [r.id, { status: r.status, version: r.version, decisions: r.decisions, audited: r.audited }]));
}

describe("bulk triage", () => {
  it("checks and applies 500 items one by one: per-item results, nothing half-applied", async () => {
    const fresh = await reports(340);
    const verified = await reports(60);
    const sentBack = await reports(50);
    const claimed = await reports(20);
    const elsewhere = await reports(20, juaiOfficer, JUAI);
    const unknown = Array.from({ length: 10 }, () => randomUUID());

    // Earlier decisions: some verified, some sent back (their version moves to 2), some taken by a colleague.
    const v1 = (ids: string[]) => ids.map((id) => ({ id, version: 1 }));
    expect((await bulk(verifier.cookie, { action: "verify", items: v1(verified) })).body.data.counts.applied).toBe(60);
    expect((await bulk(verifier.cookie, { action: "request_revision", note: "Lengkapi", items: v1(sentBack) })).body.data.counts.applied).toBe(50);
    for (const id of claimed) expect((await api(t, "POST", `/api/reports/${id}/claim`, { cookie: holder.cookie })).status).toBe(200);

    // One item fails inside its transaction (the database refuses its audit entry), after its report was updated.
    const failing = fresh.pop()!;
    await t.db.sequelize.query(`
      DROP TRIGGER IF EXISTS bulk_test_refuse ON audit_log;
      CREATE OR REPLACE FUNCTION bulk_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER bulk_test_refuse BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.target_id = '${failing}') EXECUTE FUNCTION bulk_test_refuse();`);

    const expected = new Map<string, BulkOutcome>([
      ...fresh.map((id) => [id, "applied"] as const),
      ...verified.map((id) => [id, "forbidden_transition"] as const),
      ...sentBack.map((id) => [id, "stale"] as const),
      ...claimed.map((id) => [id, "claimed"] as const),
      ...[...elsewhere, ...unknown].map((id) => [id, "not_found"] as const),
      [failing, "failed"],
    ]);
    // Interleaved, so every kind of item sits between applied ones.
    const ids = [...expected.keys()].sort();
    const items = ids.map((id) => ({ id, version: verified.includes(id) ? 2 : 1 }));
    expect(items).toHaveLength(500);

    const watcher = await openSocket(t, { cookie: await login(t, await createAccount(t, "verifier", { verifierRegions: [PARINGIN] })) });
    sockets.push(watcher);
    const updated = new Set<string>();
    watcher.on("report:updated", (c: ChangeEnvelope<ReportView>) => c.data.status === "verified" && updated.add(c.entityId));

    let res;
    try {
      res = await bulk(verifier.cookie, { action: "verify", note: "Sesuai fakta lapangan", items });
    } finally {
      await t.db.sequelize.query(`DROP TRIGGER bulk_test_refuse ON audit_log; DROP FUNCTION bulk_test_refuse();`);
    }
    expect(res.status).toBe(200);
    const results: BulkItemResult[] = res.body.data.results;
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.map((r) => r.outcome)).toEqual(ids.map((id) => expected.get(id)));
    expect(res.body.data.counts).toEqual({ applied: 339, forbidden_transition: 60, stale: 50, claimed: 20, not_found: 30, refused: 0, failed: 1 });

    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get(fresh[0]!)!.report).toMatchObject({ status: "verified", statusNote: "Sesuai fakta lapangan", version: 2 });
    expect(byId.get(sentBack[0]!)!.report).toMatchObject({ status: "revision_requested", version: 2 });
    expect(byId.get(verified[0]!)!.message).toBe("A report that is verified cannot become verified");
    expect(byId.get(claimed[0]!)!.claim).toMatchObject({ holderId: holder.id, holderName: "Test verifier" });
    expect(byId.get(elsewhere[0]!)).toEqual({ id: elsewhere[0], outcome: "not_found", message: "Report not found" });

    // The database: each applied item whole (status, version, trail, audit), every other item untouched.
    const state = await stateOf([...fresh, failing, ...verified, ...sentBack, ...claimed, ...elsewhere]);
    for (const id of fresh) expect(state.get(id), id).toEqual({ status: "verified", version: 2, decisions: 1, audited: 1 });
    for (const id of verified) expect(state.get(id)).toEqual({ status: "verified", version: 2, decisions: 1, audited: 1 });
    for (const id of sentBack) expect(state.get(id)).toEqual({ status: "revision_requested", version: 2, decisions: 1, audited: 1 });
    for (const id of [failing, ...claimed, ...elsewhere]) expect(state.get(id), id).toEqual({ status: "submitted", version: 1, decisions: 0, audited: 0 });

    // Each applied item went out live as a single decision would.
    await expect.poll(() => updated.size).toBe(339);
    expect([...updated].sort()).toEqual([...fresh].sort());
    // Over 600 decisions in all, each its own transaction: minutes on a busy machine with the embedded database.
  }, 300_000);

  it("treats a report named twice as two decisions: the second finds it moved on", async () => {
    const [id] = await reports(1);
    const res = await bulk(verifier.cookie, { action: "reject", note: "Duplikat", items: [{ id, version: 1 }, { id, version: 1 }] });
    expect(res.body.data.results.map((r: BulkItemResult) => r.outcome)).toEqual(["applied", "stale"]);
  });

  it("assigns many reports to agencies with one instruction: verified ones get assignments, the rest say why not", async () => {
    const admin = await login(t, await createAccount(t, "admin"));
    const agency = await api(t, "POST", "/api/agencies", { cookie: admin, body: { name: `Polres Balangan ${Date.now().toString(36)}`, kind: "polres" } });
    expect(agency.status).toBe(201);
    const [a, b, c] = await reports(3);
    const [elsewhere] = await reports(1, juaiOfficer, JUAI);
    await bulk(verifier.cookie, { action: "verify", items: [a, b].map((id) => ({ id, version: 1 })) });
    const body = { action: "assign", agencyIds: [agency.body.data.id], instruction: "Mohon pengamanan lokasi", items: [a, b, c, elsewhere].map((id) => ({ id, version: 2 })) };
    const res = await bulk(verifier.cookie, body);
    expect(res.status).toBe(200);
    expect(res.body.data.results.map((r: BulkItemResult) => [r.id, r.outcome])).toEqual([
      [a, "applied"],
      [b, "applied"],
      [c, "refused"],
      [elsewhere, "not_found"],
    ]);
    expect(res.body.data.results[0].assignmentIds).toHaveLength(1);
    expect(res.body.data.results[2].message).toMatch(/only verified or published reports are assigned/);
    // The same again: each agency has these open already.
    const again = await bulk(verifier.cookie, body);
    expect(again.body.data.counts).toMatchObject({ applied: 0, refused: 3, not_found: 1 });
    const trail = await t.db.sequelize.query<{ report_id: string }>(
      `SELECT report_id FROM report_events WHERE action = 'assigned' AND report_id = ANY (CAST(:ids AS uuid[]))`,
      { replacements: { ids: `{${[a, b, c].join(",")}}` }, type: QueryTypes.SELECT },
    );
    expect(trail.map((e) => e.report_id).sort()).toEqual([a, b].sort());
  });

  it("refuses what is not a bulk decision before touching anything", async () => {
    const [id] = await reports(1);
    const items = [{ id, version: 1 }];
    expect((await bulk(verifier.cookie, { action: "reject", items })).body.error.fields).toEqual({ note: "required when rejecting or asking for a revision" });
    expect((await bulk(verifier.cookie, { action: "request_revision", note: "  ", items })).status).toBe(400);
    expect((await bulk(verifier.cookie, { action: "publish", items })).status).toBe(400);
    expect((await bulk(verifier.cookie, { action: "verify", items: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, () => ({ id: randomUUID(), version: 1 }));
    expect((await bulk(verifier.cookie, { action: "verify", items: tooMany })).body.error.fields).toEqual({ items: "at most 500 reports" });
    const leader = await login(t, await createAccount(t, "leader"));
    expect((await bulk(leader, { action: "verify", items })).status).toBe(403);
    expect((await bulk(officer.cookie, { action: "verify", items })).status).toBe(403);
    expect((await bulk(undefined, { action: "verify", items })).status).toBe(401);
    expect((await stateOf([id!])).get(id!)).toEqual({ status: "submitted", version: 1, decisions: 0, audited: 0 });
  });
});
