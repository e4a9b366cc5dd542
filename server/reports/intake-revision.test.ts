import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { SubmitReportRaw } from "@contract/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { openSocket } from "../test/sockets.ts";
import { dailyReport, situationReport } from "../test/reports.ts";

const t = useTestApp();
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const verifier = useAccount(t, "verifier", { verifierRegions: ["63.11.06"] });

const send = (cookie: string, body: SubmitReportRaw) => api(t, "POST", "/api/reports", { cookie, body });
const read = async (id: string, cookie = verifier.cookie) => (await api(t, "GET", `/api/reports/${id}`, { cookie })).body.data;

async function decide(id: string, status: string, note?: string) {
  const { version } = await read(id);
  const res = await api(t, "POST", `/api/reports/${id}/status`, { cookie: verifier.cookie, body: { status, note, version } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function count(sql: string, replacements: Record<string, unknown>): Promise<number> {
  const [row] = await t.db.sequelize.query<{ n: string }>(sql, { replacements, type: QueryTypes.SELECT });
  return Number(row!.n);
}

/** A situation report sent, then sent back by the verifier with a note: what the phone then holds. */
async function sentBack(cookie = officer.cookie) {
  const original = situationReport();
  const created = await send(cookie, original);
  expect(created.status).toBe(201);
  await decide(created.body.data.id, "revision_requested", "Lengkapi jumlah massa dan lokasi tepat");
  return { original, report: await read(created.body.data.id, cookie) };
}

/** The officer's revision: new client_id, changed content, the report and version it revises. */
function revisionOf(original: SubmitReportRaw, report: { id: string; version: number }, over: Partial<Record<string, unknown>> = {}) {
  const body = original.body as { fakta: object };
  return situationReport({
    ...original,
    clientId: randomUUID(),
    sentAt: new Date().toISOString(),
    perihal: "Unjuk rasa warga terkait lahan (revisi)",
    kerawanan: "tinggi",
    body: { ...original.body, fakta: { ...body.fakta, jumlahMassa: 80 } },
    revises: { reportId: report.id, version: report.version },
    ...over,
  });
}

describe("a situation report sent back for revision and resent from the phone", () => {
  it("becomes a new revision of the same report, submitted again, with the verifier's note kept in its history", async () => {
    const { original, report } = await sentBack();
    expect(report).toMatchObject({ status: "revision_requested", statusNote: "Lengkapi jumlah massa dan lokasi tepat" });
    const desk = await openSocket(t, { cookie: verifier.cookie });
    const updates: ChangeEnvelope[] = [];
    desk.on("report:updated", (c) => updates.push(c));

    const revision = revisionOf(original, report);
    const res = await send(officer.cookie, revision);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ id: report.id, number: report.number, revision: 2, status: "submitted", duplicate: false });

    const now = await read(report.id);
    expect(now).toMatchObject({
      status: "submitted",
      statusNote: null,
      revision: 2,
      revisionCount: 2,
      perihal: "Unjuk rasa warga terkait lahan (revisi)",
      kerawanan: "tinggi",
      version: report.version + 1,
    });
    await expect.poll(() => updates.length).toBe(1);
    expect(updates[0]).toMatchObject({ kind: "revised", entityId: report.id, data: { revision: 2, status: "submitted" } });
    desk.close();

    const history = (await api(t, "GET", `/api/reports/${report.id}/history`, { cookie: verifier.cookie })).body.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(["submitted", "status_changed", "revised"]);
    expect(history[1]).toMatchObject({ toStatus: "revision_requested", note: "Lengkapi jumlah massa dan lokasi tepat", actor: { id: verifier.id, role: "verifier" } });
    expect(history[2]).toMatchObject({
      fromStatus: "revision_requested",
      toStatus: "submitted",
      actor: { id: officer.id, role: "officer", displayName: "Test officer" },
      details: { revision: 2, clientId: revision.clientId, answersNote: "Lengkapi jumlah massa dan lokasi tepat" },
    });

    const revisions = (await api(t, "GET", `/api/reports/${report.id}/revisions`, { cookie: verifier.cookie })).body.data;
    expect(revisions.map((r: { revision: number; clientId: string }) => [r.revision, r.clientId])).toEqual([
      [1, original.clientId],
      [2, revision.clientId],
    ]);
    const diff = (await api(t, "GET", `/api/reports/${report.id}/diff?from=1&to=2`, { cookie: verifier.cookie })).body.data;
    expect(diff.changes).toEqual([
      { path: "body.fakta.jumlahMassa", before: 50, after: 80 },
      { path: "kerawanan", before: "sedang", after: "tinggi" },
      { path: "perihal", before: "Unjuk rasa warga terkait lahan", after: "Unjuk rasa warga terkait lahan (revisi)" },
    ]);
  });

  it("is exactly once under retry: repeats at once and later get the first answer, one revision is stored", async () => {
    const { original, report } = await sentBack();
    const revision = revisionOf(original, report);
    const phone = await openSocket(t, { cookie: officer.cookie });
    const bySocket = () => new Promise<any>((resolve) => phone.emit("report:submit", revision, resolve));
    const answers = await Promise.all([send(officer.cookie, revision), bySocket(), send(officer.cookie, revision), bySocket()]);
    // REST answers { status, body: { data } }, the socket acks { data }.
    const results = answers.map((a) => ("status" in a ? a.body.data : a.data));
    expect(results.filter((r) => r.duplicate === false)).toHaveLength(1);
    expect(results.every((r) => r.id === report.id && r.revision === 2)).toBe(true);

    // The verifier has moved on since; a late retry is still answered as the repeat it is, not refused.
    await decide(report.id, "verified");
    const late = await send(officer.cookie, revision);
    expect(late.status).toBe(200);
    expect(late.body.data).toMatchObject({ id: report.id, revision: 2, duplicate: true, status: "verified" });
    phone.close();
    expect(await count(`SELECT count(*) AS n FROM report_revisions WHERE report_id = :id`, { id: report.id })).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM report_events WHERE report_id = :id AND action = 'revised'`, { id: report.id })).toBe(1);
  });

  it("is refused unless the report is the officer's own and waits for a revision at the version they saw", async () => {
    const fresh = situationReport();
    const created = (await send(officer.cookie, fresh)).body.data;
    const notSentBack = await send(officer.cookie, revisionOf(fresh, { id: created.id, version: 1 }));
    expect(notSentBack.status).toBe(409);
    expect(notSentBack.body.error.message).toMatch(/is submitted, not waiting for a revision/);

    const { original, report } = await sentBack();
    const stale = await send(officer.cookie, revisionOf(original, { id: report.id, version: report.version - 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed since/);

    // Another officer's report and one that does not exist look the same.
    const peer = await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.06" }));
    expect((await send(peer, revisionOf(original, report))).status).toBe(404);
    expect((await send(officer.cookie, revisionOf(original, { id: randomUUID(), version: 1 }))).status).toBe(404);

    const daily = (await send(officer.cookie, dailyReport(randomUUID(), "2026-10-01"))).body.data;
    expect((await send(officer.cookie, revisionOf(original, { id: daily.id, version: 1 }))).status).toBe(409);

    expect(await read(report.id)).toMatchObject({ status: "revision_requested", revision: 1, version: report.version });
    expect(await count(`SELECT count(*) AS n FROM report_revisions WHERE report_id IN (:ids)`, { ids: [created.id, report.id] })).toBe(2);
  });
});

describe("a verified periodic report sent again by its author", () => {
  async function verifiedDaily(period: string) {
    const cookie = await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.06" }));
    const first = (await send(cookie, dailyReport(randomUUID(), period))).body.data;
    await decide(first.id, "verified");
    return { cookie, id: first.id as string };
  }

  it("is kept as an amendment: still verified, flagged in the queue and the history until a verifier reviews it", async () => {
    const { cookie, id } = await verifiedDaily("2026-10-02");
    const authorId = (await read(id)).author.id;
    const amendment = dailyReport(randomUUID(), "2026-10-02", { situasiUmum: "ada-kejadian", jumlahKejadian: 1 });
    const res = await send(cookie, amendment);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ id, revision: 2, status: "verified" });

    const amended = await read(id);
    expect(amended).toMatchObject({ status: "verified", revision: 2, revisionCount: 2 });
    expect(Date.parse(amended.amendedAt)).not.toBeNaN();
    const flagged = await api(t, "GET", `/api/reports?flagged=true&author=${authorId}`, { cookie: verifier.cookie });
    expect(flagged.body.data.map((r: { id: string }) => r.id)).toEqual([id]);
    const counts = await api(t, "GET", `/api/reports/counts?author=${authorId}`, { cookie: verifier.cookie });
    expect(counts.body.data).toMatchObject({ total: 1, amended: 1, byStatus: { verified: 1, submitted: 0 } });

    const review = (version: number) => api(t, "POST", `/api/reports/${id}/review-amendment`, { cookie: verifier.cookie, body: { version } });
    expect((await review(amended.version - 1)).status).toBe(409);
    const reviewed = await review(amended.version);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.data).toMatchObject({ status: "verified", amendedAt: null, version: amended.version + 1 });
    const again = await review(amended.version + 1);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/no amendment/);
    expect((await api(t, "GET", `/api/reports?flagged=true&author=${authorId}`, { cookie: verifier.cookie })).body.data).toEqual([]);

    const history = (await api(t, "GET", `/api/reports/${id}/history`, { cookie: verifier.cookie })).body.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(["submitted", "status_changed", "amended", "amendment_reviewed"]);
    expect(history[2]).toMatchObject({ fromStatus: "verified", toStatus: "verified", details: { revision: 2, clientId: amendment.clientId } });
    expect(history[3]).toMatchObject({ actor: { id: verifier.id }, details: { revision: 2 } });
    const audit = await t.db.sequelize.query<{ actor_id: string; details: { revision: number } }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'report.amendment_reviewed' AND target_type = 'report' AND target_id = :id`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    expect(audit).toEqual([{ actor_id: verifier.id, details: expect.objectContaining({ revision: 2 }) }]);
  });

  it("is exactly once under retry, and only verifiers of its kecamatan review it", async () => {
    const { cookie, id } = await verifiedDaily("2026-10-03");
    const amendment = dailyReport(randomUUID(), "2026-10-03", { agendaBesok: "Rapat koordinasi" });
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(cookie, amendment)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(answers.every((a) => a.body.data.id === id && a.body.data.revision === 2)).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM report_events WHERE report_id = :id AND action = 'amended'`, { id })).toBe(1);

    const { version } = await read(id);
    const elsewhere = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.01"] }));
    const leader = await login(t, await createAccount(t, "leader"));
    const body = { version };
    expect((await api(t, "POST", `/api/reports/${id}/review-amendment`, { cookie: elsewhere, body })).status).toBe(404);
    expect((await api(t, "POST", `/api/reports/${id}/review-amendment`, { cookie: leader, body })).status).toBe(403);
    expect((await api(t, "POST", `/api/reports/${id}/review-amendment`, { cookie, body })).status).toBe(403);
    expect((await read(id)).amendedAt).not.toBeNull();
  });

  it("goes back to submitted as before when it was not verified (rejected, or still waiting)", async () => {
    const cookie = await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.06" }));
    const first = (await send(cookie, dailyReport(randomUUID(), "2026-10-04"))).body.data;
    await decide(first.id, "rejected", "Bukan laporan hari ini");
    const second = await send(cookie, dailyReport(randomUUID(), "2026-10-04"));
    expect(second.body.data).toMatchObject({ id: first.id, revision: 2, status: "submitted" });
    const third = await send(cookie, dailyReport(randomUUID(), "2026-10-04"));
    expect(third.body.data).toMatchObject({ id: first.id, revision: 3, status: "submitted" });
    expect(await read(first.id)).toMatchObject({ amendedAt: null, statusNote: null });
    const history = (await api(t, "GET", `/api/reports/${first.id}/history`, { cookie: verifier.cookie })).body.data;
    expect(history.map((e: { action: string; fromStatus: string | null }) => [e.action, e.fromStatus])).toEqual([
      ["submitted", null],
      ["status_changed", "submitted"],
      ["revised", "rejected"],
      ["revised", "submitted"],
    ]);
  });
});
