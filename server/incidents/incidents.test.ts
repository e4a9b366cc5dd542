import { QueryTypes } from "sequelize";
import { beforeAll, describe, expect, it } from "vitest";
import type { IncidentChange, IncidentDetail } from "@contract/incidents.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { dailyReport, POINTS } from "../test/reports.ts";
import { openSocket } from "../test/sockets.ts";
import { nearParingin, privateHour, recentPeriodDay, situationAt, submitAs, verifyAs } from "../test/incidents.ts";

const PARINGIN = "63.11.06";
const JUAI = "63.11.01";
const HOUR = 3_600_000;

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: PARINGIN });
const juaiOfficer = useAccount(t, "officer", { kecamatanKode: JUAI });
const verifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const secondVerifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const juaiVerifier = useAccount(t, "verifier", { verifierRegions: [JUAI] });
const admin = useAccount(t, "admin");
const leader = useAccount(t, "leader");

let base: number;
beforeAll(() => {
  base = privateHour();
});

/** Three reports of one event in Paringin, an hour apart; the second is the most severe. */
async function threeReports(): Promise<string[]> {
  const text = { perihal: "Bentrok warga dan pekerja kebun sawit", apa: "Warga dan pekerja kebun sawit saling dorong di gerbang kebun" };
  return [
    await submitAs(t, officer.cookie, situationAt(base + HOUR, nearParingin(0), text, { kerawanan: "sedang" })),
    await submitAs(t, officer.cookie, situationAt(base, nearParingin(200), { ...text, perihal: "Bentrokan di kebun sawit" }, { kerawanan: "tinggi" })),
    await submitAs(t, officer.cookie, situationAt(base + 2 * HOUR, nearParingin(400), text, { kerawanan: "rendah" })),
  ];
}

const sql = <T extends object>(query: string, replacements: Record<string, unknown>) =>
  t.db.sequelize.query<T>(query, { replacements, type: QueryTypes.SELECT });
const snapshot = (ids: string[]) =>
  sql<object>(`SELECT id, version, status, perihal, kerawanan, body, occurred_at FROM reports WHERE id IN (:ids) ORDER BY id`, { ids });
const trailOf = (id: string) =>
  sql<{ action: string; details: Record<string, unknown> | null }>(`SELECT action, details FROM report_events WHERE report_id = :id ORDER BY id`, { id });
const auditOf = (ids: string[]) =>
  sql<{ action: string; target_type: string; target_id: string }>(`SELECT action, target_type, target_id FROM audit_log WHERE target_id IN (:ids) ORDER BY id`, { ids });
const reportCount = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM reports`, {}))[0]!.n;

describe("merging duplicates into an incident and taking them out", () => {
  it("keeps every report as it was, and writes each report's trail and the audit log", async () => {
    const ids = await threeReports();
    const before = await snapshot(ids);
    const countBefore = await reportCount();

    const res = await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: ids } });
    expect(res.status).toBe(201);
    const incident = res.body.data as IncidentDetail;
    expect(incident.number).toMatch(/^INS-20\d\d-\d{5}$/);
    expect(incident).toMatchObject({
      // Titled after the earliest report; its severity the highest; its span from first to last.
      title: "Bentrokan di kebun sawit",
      kerawanan: "tinggi",
      bidang: "ekonomi",
      status: "active",
      reportCount: 3,
      kecamatan: { kode: PARINGIN },
      firstAt: new Date(base).toISOString(),
      lastAt: new Date(base + 2 * HOUR).toISOString(),
      location: { lat: expect.closeTo(nearParingin(200).lat, 6) },
      createdBy: { id: verifier.id },
      dissolvedAt: null,
    });
    expect(new Set(incident.reportIds)).toEqual(new Set(ids));
    expect(incident.reports.map((r) => r.id)).toEqual([ids[1], ids[0], ids[2]]);

    const details = { incidentId: incident.id, incidentNumber: incident.number };
    for (const id of ids) expect((await trailOf(id)).at(-1)).toEqual({ action: "merged", details });

    // Out again: the first leaves, two stay; then the second leaves and the incident dissolves.
    const out1 = await api(t, "DELETE", `/api/incidents/${incident.id}/reports/${ids[0]}`, { cookie: verifier.cookie });
    expect(out1.status).toBe(200);
    expect(out1.body.data).toMatchObject({ status: "active", reportCount: 2, kerawanan: "tinggi" });
    const out2 = await api(t, "DELETE", `/api/incidents/${incident.id}/reports/${ids[1]}`, { cookie: verifier.cookie });
    expect(out2.status).toBe(200);
    expect(out2.body.data).toMatchObject({ status: "dissolved", reportCount: 0, reportIds: [], reports: [], location: null, number: incident.number });

    expect((await trailOf(ids[0]!)).map((e) => e.action)).toEqual(["submitted", "merged", "unmerged"]);
    // The second removal dissolved the incident: both reports that left then say so.
    for (const id of ids.slice(1)) expect((await trailOf(id)).at(-1)).toEqual({ action: "unmerged", details: { ...details, dissolved: true } });
    expect(await auditOf([incident.id, ...ids])).toEqual(
      expect.arrayContaining([
        { action: "incident.created", target_type: "incident", target_id: incident.id },
        { action: "incident.dissolved", target_type: "incident", target_id: incident.id },
        ...ids.map((id) => ({ action: "incident.merged", target_type: "report", target_id: id })),
        ...ids.map((id) => ({ action: "incident.unmerged", target_type: "report", target_id: id })),
      ]),
    );

    expect(await reportCount()).toBe(countBefore);
    expect(await snapshot(ids)).toEqual(before);
    // Dissolved: no longer listed as active, still readable as a record; its reports may merge afresh.
    const active = await api(t, "GET", `/api/incidents?report=${ids[2]}`, { cookie: verifier.cookie });
    expect(active.body.data).toEqual([]);
    const dissolved = await api(t, "GET", `/api/incidents?status=dissolved&q=${incident.number}`, { cookie: verifier.cookie });
    expect(dissolved.body.data.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    expect((await api(t, "POST", `/api/incidents/${incident.id}/reports`, { cookie: verifier.cookie, body: { reportIds: [ids[0]] } })).status).toBe(409);
    expect((await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: ids } })).status).toBe(201);
  });

  it("adds reports to an incident, its kerawanan rising to the highest", async () => {
    const [a, b] = await threeReports();
    const created = (await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: [a, b], title: "Konflik lahan sawit" } })).body.data;
    const severe = await submitAs(t, officer.cookie, situationAt(base + 3 * HOUR, nearParingin(-300), { perihal: "Pembakaran pos jaga kebun", apa: "Pos jaga dibakar massa" }, { kerawanan: "sangat_tinggi" }));
    const res = await api(t, "POST", `/api/incidents/${created.id}/reports`, { cookie: verifier.cookie, body: { reportIds: [severe] } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: "Konflik lahan sawit", kerawanan: "sangat_tinggi", reportCount: 3, lastAt: new Date(base + 3 * HOUR).toISOString() });
    expect(res.body.data.location).toEqual({ lat: expect.closeTo(nearParingin(-300).lat, 6), lng: expect.closeTo(POINTS.paringin.lng, 6) });

    const again = await api(t, "POST", `/api/incidents/${created.id}/reports`, { cookie: verifier.cookie, body: { reportIds: [severe] } });
    expect(again.status).toBe(409);
    const elsewhere = await api(t, "POST", "/api/incidents", { cookie: secondVerifier.cookie, body: { reportIds: [severe, (await threeReports())[0]] } });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.message).toContain(created.number);

    const listed = await api(t, "GET", `/api/incidents?kerawanan=sangat_tinggi&report=${severe}`, { cookie: leader.cookie });
    expect(listed.body).toMatchObject({ data: [{ id: created.id }], page: { total: 1, next: null } });
  });

  it("tells the verifiers of the region, admins and leaders live; officers and other regions hear nothing", async () => {
    const ids = (await threeReports()).slice(0, 2);
    const sockets = await Promise.all([verifier, admin, leader, officer, juaiVerifier].map((a) => openSocket(t, { cookie: a.cookie })));
    const heard = sockets.map(() => [] as IncidentChange[]);
    sockets.forEach((s, n) => s.on("incident:changed", (c) => heard[n]!.push(c)));
    const officerUpdates: string[] = [];
    sockets[3]!.on("report:updated", (c) => officerUpdates.push(c.entityId));

    const created = (await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: ids } })).body.data;
    await expect.poll(() => heard.slice(0, 3).map((h) => h.length)).toEqual([1, 1, 1]);
    expect(heard[0]![0]).toMatchObject({ kind: "created", incident: { id: created.id, number: created.number, reportCount: 2 } });
    expect(new Set(heard[0]![0]!.reportIds)).toEqual(new Set(ids));

    // A later change the officer does get: by then any incident event would have reached them first.
    await verifyAs(t, verifier.cookie, ids[0]!);
    await expect.poll(() => officerUpdates).toContain(ids[0]);
    expect(heard[3]).toEqual([]);
    expect(heard[4]).toEqual([]);
    for (const s of sockets) s.close();
  });

  it("keeps merging within the verifier's region and to situation reports", async () => {
    const [paringin] = await threeReports();
    const juai = await submitAs(t, juaiOfficer.cookie, situationAt(base, POINTS.juai, { perihal: "Bentrok warga", apa: "Saling dorong" }));
    const other = await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: [paringin, juai] } });
    expect(other.status).toBe(404);
    expect(other.body.error.message).toContain(juai);

    const period = recentPeriodDay();
    const daily = await submitAs(t, officer.cookie, dailyReport(crypto.randomUUID(), period));
    expect((await api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: [paringin, daily] } })).status).toBe(400);

    // An admin may merge across kecamatan; each verifier then sees only their region's report in it.
    const across = await api(t, "POST", "/api/incidents", { cookie: admin.cookie, body: { reportIds: [paringin, juai] } });
    expect(across.status).toBe(201);
    const seen = (await api(t, "GET", `/api/incidents/${across.body.data.id}`, { cookie: juaiVerifier.cookie })).body.data as IncidentDetail;
    expect(seen).toMatchObject({ reportCount: 2, reportIds: [juai], reports: [{ id: juai }] });
    expect((await api(t, "DELETE", `/api/incidents/${across.body.data.id}/reports/${paringin}`, { cookie: juaiVerifier.cookie })).status).toBe(404);
    expect((await api(t, "GET", "/api/incidents", { cookie: officer.cookie })).status).toBe(403);
  });

  it("lets one of two verifiers merging the same report at once win; the other gets 409 naming the incident", async () => {
    const [shared, mine, theirs] = await threeReports();
    const [first, second] = await Promise.all([
      api(t, "POST", "/api/incidents", { cookie: verifier.cookie, body: { reportIds: [shared, mine] } }),
      api(t, "POST", "/api/incidents", { cookie: secondVerifier.cookie, body: { reportIds: [shared, theirs] } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const winner = first.status === 201 ? first : second;
    const loser = first.status === 201 ? second : first;
    expect(loser.body.error.message).toContain(winner.body.data.number);
    const links = await sql<{ incident_id: string; report_id: string }>(`SELECT incident_id, report_id FROM incident_reports WHERE report_id IN (:ids)`, { ids: [shared, mine, theirs] });
    expect(links.filter((l) => l.report_id === shared)).toEqual([{ incident_id: winner.body.data.id, report_id: shared }]);
    // Nothing of the losing merge remains: no incident of its own, no link, no trail entry.
    expect(links).toHaveLength(2);
    const merges = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM report_events WHERE report_id = :shared AND action = 'merged'`, { shared });
    expect(merges).toEqual([{ n: 1 }]);
  });
});
