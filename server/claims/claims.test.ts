import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, describe, expect, it } from "vitest";
import { claimHolderOf, type ClaimNotice } from "@contract/claims.ts";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ReportView } from "@contract/reports.ts";
import { manualClock } from "../core/clock.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { situationReport } from "../test/reports.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";

const PARINGIN = "63.11.06";
const JUAI = "63.11.01";
const MINUTE = 60_000;

const clock = manualClock();
const t = useTestApp({}, { clock });
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const budi = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const sari = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const admin = useAccount(t, "admin");

const sockets: ClientSocket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

async function submit(): Promise<ReportView> {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport() });
  expect(res.status).toBe(201);
  return (await api(t, "GET", `/api/reports/${res.body.data.id}`, { cookie: officer.cookie })).body.data;
}

const claim = (cookie: string | undefined, id: string) => api(t, "POST", `/api/reports/${id}/claim`, { cookie });
const release = (cookie: string | undefined, id: string) => api(t, "DELETE", `/api/reports/${id}/claim`, { cookie });

/** A socket that records the claim facts and report updates it receives, in order. */
async function listener(cookie: string) {
  const socket = await openSocket(t, { cookie });
  sockets.push(socket);
  const got: { event: string; notice?: ClaimNotice; change?: ChangeEnvelope<ReportView> }[] = [];
  socket.on("report:claimed", (notice) => got.push({ event: "report:claimed", notice }));
  socket.on("report:released", (notice) => got.push({ event: "report:released", notice }));
  socket.on("report:updated", (change) => got.push({ event: "report:updated", change }));
  return got;
}

async function trail(reportId: string) {
  return t.db.sequelize.query<{ action: string; actor_id: string; details: Record<string, unknown> | null }>(
    `SELECT action, actor_id, details FROM report_events WHERE report_id = :reportId AND action <> 'submitted' ORDER BY id`,
    { replacements: { reportId }, type: QueryTypes.SELECT },
  );
}

async function auditOf(reportId: string) {
  return t.db.sequelize.query<{ action: string; actor_id: string; details: Record<string, unknown> }>(
    `SELECT action, actor_id, details FROM audit_log WHERE target_type = 'report' AND target_id = :reportId ORDER BY id`,
    { replacements: { reportId }, type: QueryTypes.SELECT },
  );
}

describe("claiming a report", () => {
  it("gives the caller a 10-minute lease, tells verifiers, admins and leaders live (not its author), and records it", async () => {
    const report = await submit();
    const leader = await login(t, await createAccount(t, "leader"));
    const [toSari, toAdmin, toLeader, toAuthor] = await Promise.all([listener(sari.cookie), listener(admin.cookie), listener(leader), listener(officer.cookie)]);

    const res = await claim(budi.cookie, report.id);
    expect(res.status).toBe(200);
    const expiresAt = new Date(clock.now().getTime() + 10 * MINUTE).toISOString();
    expect(res.body.data).toEqual({ reportId: report.id, holderId: budi.id, holderName: "Test verifier", claimedAt: clock.now().toISOString(), expiresAt });

    const notice = { reportId: report.id, claim: { holderId: budi.id, holderName: "Test verifier", expiresAt } };
    for (const got of [toSari, toAdmin, toLeader]) await expect.poll(() => got).toEqual([{ event: "report:claimed", notice }]);
    // The author's phone hears of the decision that follows, and of nothing before it.
    expect((await api(t, "POST", `/api/reports/${report.id}/status`, { cookie: budi.cookie, body: { status: "verified", version: report.version } })).status).toBe(200);
    await expect.poll(() => toAuthor.map((g) => g.event)).toEqual(["report:updated"]);

    expect(await trail(report.id)).toEqual([
      { action: "claimed", actor_id: budi.id, details: { expiresAt } },
      expect.objectContaining({ action: "status_changed", actor_id: budi.id }),
    ]);
    expect((await auditOf(report.id)).map((a) => [a.action, a.actor_id])).toEqual([
      ["report.claimed", budi.id],
      ["report.status_changed", budi.id],
    ]);
  });

  it("refuses a second verifier with a 409 naming the holder, and renews the holder's own lease quietly", async () => {
    const report = await submit();
    const first = await claim(budi.cookie, report.id);
    const taken = await claim(sari.cookie, report.id);
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/^Being handled by Test verifier \(claimed until \d\d:\d\d WITA\)$/);
    expect(claimHolderOf(taken.body.error.fields)).toEqual({ holderId: budi.id, holderName: "Test verifier", expiresAt: first.body.data.expiresAt });

    clock.advance(4 * MINUTE);
    const renewed = await claim(budi.cookie, report.id);
    expect(renewed.status).toBe(200);
    expect(renewed.body.data).toMatchObject({ claimedAt: first.body.data.claimedAt, expiresAt: new Date(clock.now().getTime() + 10 * MINUTE).toISOString() });
    // Past the first lease's end, inside the renewed one: still Budi's.
    clock.advance(7 * MINUTE);
    expect((await claim(sari.cookie, report.id)).status).toBe(409);
    expect((await trail(report.id)).map((e) => e.action)).toEqual(["claimed"]);
  });

  it("frees the report by itself when the lease runs out (injected clock)", async () => {
    const report = await submit();
    expect((await claim(budi.cookie, report.id)).status).toBe(200);
    clock.advance(10 * MINUTE - 1000);
    expect((await claim(sari.cookie, report.id)).status).toBe(409);
    clock.advance(1000);
    const took = await claim(sari.cookie, report.id);
    expect(took.status).toBe(200);
    expect(took.body.data).toMatchObject({ holderId: sari.id, claimedAt: clock.now().toISOString() });
    // Budi's lapsed lease is gone: his decision now meets Sari's claim.
    const decided = await api(t, "POST", `/api/reports/${report.id}/status`, { cookie: budi.cookie, body: { status: "verified", version: report.version } });
    expect(decided.status).toBe(409);
    expect(claimHolderOf(decided.body.error.fields)?.holderId).toBe(sari.id);
    expect((await trail(report.id)).map((e) => [e.action, e.actor_id])).toEqual([
      ["claimed", budi.id],
      ["claimed", sari.id],
    ]);
  });

  it("lets exactly one of many verifiers claiming at once win; the others are told who did", async () => {
    const report = await submit();
    const cookies = await Promise.all(Array.from({ length: 12 }, async () => login(t, await createAccount(t, "verifier", { verifierRegions: [PARINGIN] }))));
    const answers = await Promise.all(cookies.map((cookie) => claim(cookie, report.id)));
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.body.data.holderId;
    const losers = answers.filter((a) => a.status !== 200);
    expect(losers.map((a) => a.status)).toEqual(Array(11).fill(409));
    for (const a of losers) expect(claimHolderOf(a.body.error.fields)?.holderId).toBe(winner);
    const rows = await t.db.sequelize.query<{ holder_id: string }>(`SELECT holder_id FROM report_claims WHERE report_id = :id`, {
      replacements: { id: report.id },
      type: QueryTypes.SELECT,
    });
    expect(rows).toEqual([{ holder_id: winner }]);
    expect((await trail(report.id)).map((e) => e.action)).toEqual(["claimed"]);
  });
});

describe("releasing and breaking a claim", () => {
  it("releases the holder's own lease, live and in the records; a release with nothing held is a no-op", async () => {
    const report = await submit();
    const toSari = await listener(sari.cookie);
    await claim(budi.cookie, report.id);
    expect((await release(budi.cookie, report.id)).status).toBe(204);
    await expect.poll(() => toSari.map((g) => g.event)).toEqual(["report:claimed", "report:released"]);
    expect(toSari[1]!.notice).toEqual({ reportId: report.id, claim: null });
    expect((await release(budi.cookie, report.id)).status).toBe(204);
    expect((await claim(sari.cookie, report.id)).status).toBe(200);
    expect((await trail(report.id)).map((e) => [e.action, e.actor_id])).toEqual([
      ["claimed", budi.id],
      ["released", budi.id],
      ["claimed", sari.id],
    ]);
    expect((await auditOf(report.id)).map((a) => a.action)).toEqual(["report.claimed", "report.released", "report.claimed"]);
  });

  it("refuses a verifier releasing another's lease; an admin breaks it and its holder is told", async () => {
    const report = await submit();
    await claim(budi.cookie, report.id);
    const toBudi = await listener(budi.cookie);
    const refused = await release(sari.cookie, report.id);
    expect(refused.status).toBe(409);
    expect(claimHolderOf(refused.body.error.fields)?.holderId).toBe(budi.id);

    expect((await release(admin.cookie, report.id)).status).toBe(204);
    await expect.poll(() => toBudi).toEqual([
      { event: "report:released", notice: { reportId: report.id, claim: null, brokenBy: { id: admin.id, displayName: "Test admin" } } },
    ]);
    const details = { holderId: budi.id, holderName: "Test verifier" };
    expect((await trail(report.id)).slice(-1)).toEqual([{ action: "claim_broken", actor_id: admin.id, details }]);
    expect((await auditOf(report.id)).slice(-1)).toEqual([{ action: "report.claim_broken", actor_id: admin.id, details: { number: report.number, ...details } }]);
    expect((await claim(sari.cookie, report.id)).status).toBe(200);
  });
});

describe("who may claim", () => {
  it("is verifiers of the report's kecamatan and admins; others get 404 (elsewhere) or 403 (not a decider)", async () => {
    const report = await submit();
    const elsewhere = await login(t, await createAccount(t, "verifier", { verifierRegions: [JUAI] }));
    const leader = await login(t, await createAccount(t, "leader"));
    const guest = await login(t, await createAccount(t, "guest"));
    expect((await claim(elsewhere, report.id)).status).toBe(404);
    expect((await release(elsewhere, report.id)).status).toBe(404);
    expect((await claim(budi.cookie, randomUUID())).status).toBe(404);
    expect((await claim(budi.cookie, "not-a-uuid")).status).toBe(400);
    for (const cookie of [leader, officer.cookie, guest]) {
      expect((await claim(cookie, report.id)).status).toBe(403);
      expect((await release(cookie, report.id)).status).toBe(403);
    }
    expect((await claim(undefined, report.id)).status).toBe(401);
    expect((await claim(admin.cookie, report.id)).status).toBe(200);
    expect(await trail(report.id)).toEqual([{ action: "claimed", actor_id: admin.id, details: expect.any(Object) }]);
  });

  it("lists the live claims beside a queue page for the desk, and none for the report's author", async () => {
    const report = await submit();
    expect((await claim(budi.cookie, report.id)).status).toBe(200);
    const query = `/api/reports?author=${officer.id}&limit=100`;
    const desk = await api(t, "GET", query, { cookie: sari.cookie });
    expect(desk.status).toBe(200);
    expect(desk.body.claims).toContainEqual({ reportId: report.id, holderId: budi.id, holderName: "Test verifier", expiresAt: expect.any(String) });
    const own = await api(t, "GET", "/api/reports?limit=100", { cookie: officer.cookie });
    expect(own.status).toBe(200);
    expect(own.body.claims).toEqual([]);
    // Released: gone from the next page read.
    expect((await release(budi.cookie, report.id)).status).toBe(204);
    const after = await api(t, "GET", query, { cookie: sari.cookie });
    expect(after.body.claims.map((c: { reportId: string }) => c.reportId)).not.toContain(report.id);
  });
});
