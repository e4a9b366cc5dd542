import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import type { FollowUpBoard, FollowUpChange, FollowUpView } from "@contract/follow-ups.ts";
import { manualClock } from "../core/clock.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { actorOfAccount, POINTS, situationReport } from "../test/reports.ts";
import { openSocket } from "../test/sockets.ts";
import { agencyAs, submitAs, verifyAs } from "../test/incidents.ts";

const PARINGIN = "63.11.06";
const JUAI = "63.11.01";
const DAY = 24 * 3_600_000;

const clock = manualClock();
const t = useTestApp({}, { clock });
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const juaiOfficer = useAccount(t, "officer", { kecamatanKode: JUAI });
const verifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const juaiVerifier = useAccount(t, "verifier", { verifierRegions: [JUAI] });
const admin = useAccount(t, "admin");
const leader = useAccount(t, "leader");
const guest = useAccount(t, "guest");

/** A situation report of the officer's, verified. */
async function verifiedReport(): Promise<string> {
  const id = await submitAs(t, officer.cookie, situationReport());
  await verifyAs(t, verifier.cookie, id);
  return id;
}

const assign = (cookie: string, body: object) => api(t, "POST", "/api/follow-ups", { cookie, body });
const sql = <T extends object>(query: string, replacements: Record<string, unknown>) =>
  t.db.sequelize.query<T>(query, { replacements, type: QueryTypes.SELECT });
const trailOf = (id: string) =>
  sql<{ action: string; note: string | null; details: Record<string, unknown> | null }>(`SELECT action, note, details FROM report_events WHERE report_id = :id ORDER BY id`, { id });

describe("partner agencies", () => {
  it("are kept by admins: unique names, retired rather than deleted, read by staff only", async () => {
    const name = `Satpol PP Balangan ${Date.now().toString(36)}`;
    const made = await api(t, "POST", "/api/agencies", { cookie: admin.cookie, body: { name, kind: "satpol_pp", contactPerson: "Bpk. Rahmadi", phone: "0526-2020", email: "satpolpp@example.go.id" } });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ name, kind: "satpol_pp", contactPerson: "Bpk. Rahmadi", email: "satpolpp@example.go.id", notes: null, active: true });
    expect((await api(t, "POST", "/api/agencies", { cookie: admin.cookie, body: { name: name.toUpperCase(), kind: "other" } })).status).toBe(409);

    const patched = await api(t, "PATCH", `/api/agencies/${made.body.data.id}`, { cookie: admin.cookie, body: { active: false, email: null, notes: "Ganti kontak 2026" } });
    expect(patched.body.data).toMatchObject({ active: false, email: null, notes: "Ganti kontak 2026", name });

    const bad = await api(t, "POST", "/api/agencies", { cookie: admin.cookie, body: { name: "x".repeat(121), kind: "camat", email: "bukan-surel" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name"]);

    expect((await api(t, "POST", "/api/agencies", { cookie: verifier.cookie, body: { name: "Kodim", kind: "kodim" } })).status).toBe(403);
    const listed = await api(t, "GET", `/api/agencies?active=false&q=${encodeURIComponent(name)}`, { cookie: verifier.cookie });
    expect(listed.body.data.map((a: { id: string }) => a.id)).toEqual([made.body.data.id]);
    for (const who of [officer, guest]) expect((await api(t, "GET", "/api/agencies", { cookie: who.cookie })).status).toBe(403);
  });
});

describe("follow-up assignments", () => {
  it("go to verified reports only, one per agency, with a deadline three days out, in the trail and the audit log", async () => {
    const polres = await agencyAs(t, admin.cookie, "polres");
    const kodim = await agencyAs(t, admin.cookie, "kodim", "Kodim 1001");
    const pending = await submitAs(t, officer.cookie, situationReport());
    expect((await assign(verifier.cookie, { reportId: pending, agencyIds: [polres], instruction: "Amankan lokasi" })).status).toBe(409);

    await verifyAs(t, verifier.cookie, pending);
    const now = clock.now();
    const res = await assign(verifier.cookie, { reportId: pending, agencyIds: [polres, kodim], instruction: "Amankan lokasi dan laporkan" });
    expect(res.status).toBe(201);
    const made = res.body.data as FollowUpView[];
    expect(made.map((a) => a.agency.id).sort()).toEqual([polres, kodim].sort());
    for (const a of made)
      expect(a).toMatchObject({ status: "open", overdue: false, deadline: new Date(now.getTime() + 3 * DAY).toISOString(), createdAt: now.toISOString(), target: { type: "report", id: pending }, createdBy: { id: verifier.id } });

    const trail = (await trailOf(pending)).filter((e) => e.action === "assigned");
    expect(trail).toHaveLength(2);
    expect(trail[0]).toMatchObject({ note: "Amankan lokasi dan laporkan", details: { assignmentId: expect.any(String), agencyName: expect.stringContaining("Polres") } });
    const audited = await sql<{ target_id: string }>(`SELECT target_id FROM audit_log WHERE action = 'followup.assigned' AND target_id IN (:ids)`, { ids: made.map((a) => a.id) });
    expect(audited).toHaveLength(2);

    // The same agency again while its assignment is open: refused, naming it; nothing else made.
    const again = await assign(verifier.cookie, { reportId: pending, agencyIds: [kodim, await agencyAs(t, admin.cookie, "kejaksaan")], instruction: "Ulang" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("Kodim 1001");
    expect((await api(t, "GET", `/api/reports/${pending}/follow-ups`, { cookie: verifier.cookie })).body.data).toHaveLength(2);

    const past = await assign(verifier.cookie, { reportId: pending, agencyIds: [await agencyAs(t, admin.cookie)], instruction: "x", deadline: new Date(now.getTime() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual({ deadline: "must be in the future" });
  });

  it("become overdue once the deadline passes (the injected clock), until answered; the board counts them per agency", async () => {
    const agency = await agencyAs(t, admin.cookie, "camat", "Camat Paringin");
    const report = await verifiedReport();
    const [assignment] = (await assign(verifier.cookie, { reportId: report, agencyIds: [agency], instruction: "Mediasi warga" })).body.data as FollowUpView[];
    const overdueIds = async () => ((await api(t, "GET", `/api/follow-ups?overdue=true&agency=${agency}`, { cookie: verifier.cookie })).body.data as FollowUpView[]).map((a) => a.id);
    const boardRow = async (cookie: string) => ((await api(t, "GET", "/api/follow-ups/board", { cookie })).body.data as FollowUpBoard).agencies.find((r) => r.agency.id === agency);

    clock.advance(3 * DAY - 60_000);
    expect(await overdueIds()).toEqual([]);
    clock.advance(2 * 60_000);
    expect(await overdueIds()).toEqual([assignment!.id]);
    expect(await boardRow(leader.cookie)).toMatchObject({ open: 1, overdue: 1, responded: 0, closed: 0, avgResponseHours: null });

    const answered = await api(t, "POST", `/api/follow-ups/${assignment!.id}/response`, { cookie: verifier.cookie, body: { response: "Mediasi dilaksanakan, warga sepakat <b>damai</b>" } });
    expect(answered.status).toBe(200);
    expect(answered.body.data).toMatchObject({ status: "responded", overdue: false, response: "Mediasi dilaksanakan, warga sepakat <b>damai</b>", respondedBy: { id: verifier.id } });
    expect(await overdueIds()).toEqual([]);
    expect(await boardRow(leader.cookie)).toMatchObject({ open: 0, overdue: 0, responded: 1, avgResponseHours: 72 });
    expect((await api(t, "POST", `/api/follow-ups/${assignment!.id}/response`, { cookie: verifier.cookie, body: { response: "lagi" } })).status).toBe(409);

    const closed = await api(t, "POST", `/api/follow-ups/${assignment!.id}/close`, { cookie: verifier.cookie, body: { note: "Selesai" } });
    expect(closed.body.data).toMatchObject({ status: "closed", closeNote: "Selesai", closedBy: { id: verifier.id } });
    expect((await api(t, "POST", `/api/follow-ups/${assignment!.id}/close`, { cookie: verifier.cookie })).status).toBe(409);
    expect((await trailOf(report)).map((e) => e.action).slice(-3)).toEqual(["assigned", "responded", "assignment_closed"]);
    // Another region's board lists the agency (it is active) with none of Paringin's assignments.
    expect(await boardRow(juaiVerifier.cookie)).toMatchObject({ open: 0, overdue: 0, responded: 0, closed: 0, avgResponseHours: null });
  });

  it("go to an incident, in the trail of each of its reports, and show with each report", async () => {
    const agency = await agencyAs(t, admin.cookie, "kominda", "Forum Kominda");
    const ids = [await submitAs(t, officer.cookie, situationReport()), await submitAs(t, officer.cookie, situationReport())];
    const incident = (await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: ids } })).body.data;
    const res = await assign(verifier.cookie, { incidentId: incident.id, agencyIds: [agency], instruction: "Pantau perkembangan" });
    expect(res.status).toBe(201);
    expect(res.body.data[0].target).toEqual({ type: "incident", id: incident.id, number: incident.number, title: incident.title });
    for (const id of ids) {
      expect((await trailOf(id)).at(-1)).toMatchObject({ action: "assigned", details: { incidentId: incident.id, incidentNumber: incident.number, agencyId: agency } });
      const listed = (await api(t, "GET", `/api/reports/${id}/follow-ups`, { cookie: leader.cookie })).body.data as FollowUpView[];
      expect(listed.map((a) => a.id)).toEqual([res.body.data[0].id]);
    }
    expect((await assign(juaiVerifier.cookie, { incidentId: incident.id, agencyIds: [agency], instruction: "x" })).status).toBe(404);
  });

  it("are never shown to officers or guests, over REST or live", async () => {
    const agency = await agencyAs(t, admin.cookie);
    const report = await verifiedReport();
    const staff = await openSocket(t, { cookie: verifier.cookie });
    const phone = await openSocket(t, { cookie: officer.cookie });
    const heard = { staff: [] as FollowUpChange[], phone: [] as FollowUpChange[], phoneUpdates: [] as string[] };
    staff.on("followup:changed", (c) => heard.staff.push(c));
    phone.on("followup:changed", (c) => heard.phone.push(c));
    phone.on("report:updated", (c) => heard.phoneUpdates.push(c.entityId));

    const [made] = (await assign(verifier.cookie, { reportId: report, agencyIds: [agency], instruction: "Tindak lanjuti" })).body.data as FollowUpView[];
    await expect.poll(() => heard.staff.map((c) => c.kind)).toEqual(["assigned"]);
    expect(heard.staff[0]!.assignment.id).toBe(made!.id);

    for (const who of [officer, guest]) {
      for (const path of ["/api/follow-ups", "/api/follow-ups/board", `/api/reports/${report}/follow-ups`])
        expect((await api(t, "GET", path, { cookie: who.cookie })).status, `${who.role} ${path}`).toBe(403);
      expect((await api(t, "POST", `/api/follow-ups/${made!.id}/response`, { cookie: who.cookie, body: { response: "x" } })).status).toBe(403);
    }
    expect((await api(t, "GET", "/api/follow-ups", {})).status).toBe(401);
    expect((await api(t, "GET", `/api/follow-ups?report=${report}`, { cookie: juaiVerifier.cookie })).body.data).toEqual([]);
    expect((await api(t, "GET", `/api/reports/${report}/follow-ups`, { cookie: juaiVerifier.cookie })).status).toBe(404);

    // A later change the officer's phone does get: an assignment event would have arrived before it.
    const next = await submitAs(t, officer.cookie, situationReport());
    await verifyAs(t, verifier.cookie, next);
    await expect.poll(() => heard.phoneUpdates).toContain(next);
    expect(heard.phone).toEqual([]);
    staff.close();
    phone.close();
  });

  it("are made for many reports at once (bulk triage), each report checked and answered on its own", async () => {
    const agency = await agencyAs(t, admin.cookie);
    const [ok1, ok2] = [await verifiedReport(), await verifiedReport()];
    const pending = await submitAs(t, officer.cookie, situationReport());
    const juai = await submitAs(t, juaiOfficer.cookie, situationReport({ location: { ...POINTS.juai, accuracyM: 10, source: "gps" } }));
    const actor = actorOfAccount(verifier, PARINGIN, [PARINGIN]);
    const results = await t.services.followUps.assign(actor, { reportIds: [ok1, pending, juai, ok2], agencyIds: [agency], instruction: "Koordinasi" });
    expect(results).toEqual([
      { reportId: ok1, ok: true, assignmentIds: [expect.any(String)] },
      { reportId: pending, ok: false, error: { code: "conflict", message: expect.stringContaining("submitted") } },
      { reportId: juai, ok: false, error: { code: "not_found", message: "Report not found" } },
      { reportId: ok2, ok: true, assignmentIds: [expect.any(String)] },
    ]);
    const retired = await agencyAs(t, admin.cookie);
    await api(t, "PATCH", `/api/agencies/${retired}`, { cookie: admin.cookie, body: { active: false } });
    const refused = await t.services.followUps.assign(actor, { reportIds: [ok1], agencyIds: [retired], instruction: "x" });
    expect(refused).toEqual([{ reportId: ok1, ok: false, error: { code: "invalid_input", message: "Unknown or retired agency" } }]);
  });
});
