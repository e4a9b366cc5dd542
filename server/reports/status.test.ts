import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import { claimHolderOf, type ClaimNotice } from "@contract/claims.ts";
import { ReportStatus, STATUS_CHANGES, type ReportView } from "@contract/reports.ts";
import { manualClock } from "../core/clock.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";
import { dailyReport, situationReport } from "../test/reports.ts";
import { openSocket } from "../test/sockets.ts";

const PARINGIN = "63.11.06";
const JUAI = "63.11.01";

let t: TestApp;
let officer: string;
let verifier: string;
const clock = manualClock();

beforeAll(async () => {
  t = await startTestApp({}, { clock });
  officer = await login(t, await createAccount(t, "officer", { kecamatanKode: PARINGIN }));
  verifier = await login(t, await createAccount(t, "verifier", { verifierRegions: [PARINGIN] }));
});
afterAll(async () => {
  await t.close();
});

async function submit(body = situationReport()): Promise<ReportView> {
  const res = await api(t, "POST", "/api/reports", { cookie: officer, body });
  expect(res.status).toBe(201);
  return (await api(t, "GET", `/api/reports/${res.body.data.id}`, { cookie: officer })).body.data;
}

const decide = (cookie: string | undefined, id: string, body: unknown) => api(t, "POST", `/api/reports/${id}/status`, { cookie, body });
/** What a decision changes (a report's readers get more than this: the detail, claims, …). */
const decisionState = (r: ReportView) => ({ status: r.status, statusNote: r.statusNote, version: r.version });

describe("a verifier's decision on a report", () => {
  it("reaches the author's phone live with the note, stays in the change log and in the report's trail", async () => {
    const report = await submit();
    const phone = await openSocket(t, { cookie: officer });
    const updates: ChangeEnvelope<ReportView>[] = [];
    phone.on("report:updated", (c) => updates.push(c as ChangeEnvelope<ReportView>));
    const lastSeq: number = (await api(t, "GET", "/api/reports?mine=true", { cookie: officer })).body.page.seq;

    const res = await decide(verifier, report.id, { status: "rejected", note: "Lokasi tidak sesuai foto", version: report.version });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: report.id, status: "rejected", statusNote: "Lokasi tidak sesuai foto", version: report.version + 1 });

    await expect.poll(() => updates.length).toBe(1);
    expect(updates[0]).toMatchObject({ kind: "status_changed", entityId: report.id, data: { status: "rejected", statusNote: "Lokasi tidak sesuai foto" } });
    phone.close();

    // A phone that was offline catches up from the log and sees the same.
    const missed = (await api(t, "GET", `/api/changes?after=${lastSeq}&limit=1000`, { cookie: officer })).body.data;
    expect(missed.filter((c: ChangeEnvelope) => c.entityId === report.id)).toEqual([
      expect.objectContaining({ kind: "status_changed", data: expect.objectContaining({ status: "rejected", statusNote: "Lokasi tidak sesuai foto" }) }),
    ]);
    const mine = (await api(t, "GET", "/api/reports?mine=true", { cookie: officer })).body.data as ReportView[];
    expect(mine.find((r) => r.id === report.id)).toMatchObject({ status: "rejected", statusNote: "Lokasi tidak sesuai foto" });

    const trail = await t.db.sequelize.query<{ action: string; from_status: string; to_status: string; note: string | null }>(
      `SELECT action, from_status, to_status, note FROM report_events WHERE report_id = :id ORDER BY id`,
      { replacements: { id: report.id }, type: QueryTypes.SELECT },
    );
    expect(trail).toEqual([
      { action: "submitted", from_status: null, to_status: "submitted", note: null },
      { action: "status_changed", from_status: "submitted", to_status: "rejected", note: "Lokasi tidak sesuai foto" },
    ]);
  });

  it("verifies without a note, but asks for one when rejecting or sending back", async () => {
    const report = await submit();
    for (const status of ["rejected", "revision_requested"]) {
      const res = await decide(verifier, report.id, { status, note: "   ", version: report.version });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ note: "required when rejecting or asking for a revision" });
    }
    expect((await api(t, "GET", `/api/reports/${report.id}`, { cookie: verifier })).body.data.version).toBe(report.version);
    const ok = await decide(verifier, report.id, { status: "verified", version: report.version });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ status: "verified", statusNote: null });
  });

  it("refuses a decision on a report that moved on, and a change its status does not allow", async () => {
    const report = await submit();
    const first = await decide(verifier, report.id, { status: "verified", version: report.version });
    expect(first.status).toBe(200);
    // A second verifier who loaded the report before the first decided.
    const stale = await decide(verifier, report.id, { status: "rejected", note: "Tidak valid", version: report.version });
    expect(stale.status).toBe(409);
    const late = await decide(verifier, report.id, { status: "rejected", note: "Tidak valid", version: report.version + 1 });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/verified cannot become rejected/);
    expect((await api(t, "GET", `/api/reports/${report.id}`, { cookie: verifier })).body.data).toMatchObject({ status: "verified", version: report.version + 1 });
  });

  it("is only for verifiers of the report's kecamatan and admins", async () => {
    const report = await submit();
    const body = { status: "verified", version: report.version };
    const elsewhere = await login(t, await createAccount(t, "verifier", { verifierRegions: [JUAI] }));
    const leader = await login(t, await createAccount(t, "leader"));
    const guest = await login(t, await createAccount(t, "guest"));
    expect((await decide(elsewhere, report.id, body)).status).toBe(404);
    expect((await decide(leader, report.id, body)).status).toBe(403);
    expect((await decide(officer, report.id, body)).status).toBe(403);
    expect((await decide(guest, report.id, body)).status).toBe(403);
    expect((await decide(undefined, report.id, body)).status).toBe(401);
    expect((await decide(verifier, randomUUID(), body)).status).toBe(404);
    expect((await decide(verifier, "not-a-uuid", body)).status).toBe(400);
    const admin = await login(t, await createAccount(t, "admin"));
    expect((await decide(admin, report.id, body)).status).toBe(200);
  });

  it("sends a periodic report back; the officer's next revision clears the note and is submitted again", async () => {
    const period = "2026-11-21";
    const report = await submit(dailyReport(randomUUID(), period));
    const back = await decide(verifier, report.id, { status: "revision_requested", note: "Lengkapi bidang politik", version: report.version });
    expect(back.body.data).toMatchObject({ status: "revision_requested", statusNote: "Lengkapi bidang politik" });
    const revised = await api(t, "POST", "/api/reports", { cookie: officer, body: dailyReport(randomUUID(), period, { perBidang: { politik: "Rapat persiapan pilkades" } }) });
    expect(revised.status).toBe(201);
    expect(revised.body.data).toMatchObject({ id: report.id, revision: 2, status: "submitted" });
    const now = (await api(t, "GET", `/api/reports/${report.id}`, { cookie: officer })).body.data;
    expect(now).toMatchObject({ status: "submitted", statusNote: null, revision: 2 });
  });
});

describe("the status rules", () => {
  /** The rules as the issue states them; STATUS_CHANGES must say the same. */
  const ALLOWED: Record<ReportStatus, string[]> = {
    submitted: ["verified", "rejected", "revision_requested"],
    revision_requested: ["verified", "rejected"],
    verified: [],
    rejected: [],
    published: [],
  };

  async function reportIn(status: ReportStatus): Promise<ReportView> {
    const report = await submit();
    if (status === "submitted") return report;
    if (status === "published") {
      // No route publishes yet: the state is set directly, as publication will leave it.
      await t.db.sequelize.query(`UPDATE reports SET status = 'published', version = version + 1 WHERE id = :id`, { replacements: { id: report.id } });
      return (await api(t, "GET", `/api/reports/${report.id}`, { cookie: verifier })).body.data;
    }
    const res = await decide(verifier, report.id, { status, note: "Catatan awal", version: report.version });
    expect(res.status).toBe(200);
    return res.body.data;
  }

  it("are the ones the contract lists", () => {
    expect(STATUS_CHANGES).toEqual(ALLOWED);
  });

  for (const from of ReportStatus.options)
    it(`from ${from}: allow ${ALLOWED[from].join(", ") || "nothing"}, refuse the rest and change nothing`, async () => {
      for (const to of ["verified", "rejected", "revision_requested"]) {
        const before = await reportIn(from);
        const res = await decide(verifier, before.id, { status: to, note: "Catatan", version: before.version });
        const now = (await api(t, "GET", `/api/reports/${before.id}`, { cookie: verifier })).body.data;
        if (ALLOWED[from].includes(to)) {
          expect(res.status, `${from} → ${to}`).toBe(200);
          expect(now).toMatchObject({ status: to, version: before.version + 1, statusNote: "Catatan" });
        } else {
          expect(res.status, `${from} → ${to}`).toBe(409);
          expect(res.body.error.message).toBe(`A report that is ${from} cannot become ${to}`);
          expect(decisionState(now)).toEqual(decisionState(before));
        }
      }
    });

  it("enter the audit log: who decided what, on which report, with the note", async () => {
    const report = await submit();
    await decide(verifier, report.id, { status: "revision_requested", note: "Lengkapi foto", version: report.version });
    const [entry] = await t.db.sequelize.query<{ action: string; actor_username: string; target_type: string; details: object }>(
      `SELECT action, actor_username, target_type, details FROM audit_log WHERE target_id = :id`,
      { replacements: { id: report.id }, type: QueryTypes.SELECT },
    );
    expect(entry).toMatchObject({
      action: "report.status_changed",
      actor_username: expect.stringMatching(/\.verifier$/),
      target_type: "report",
      details: { number: report.number, from: "submitted", to: "revision_requested", note: "Lengkapi foto", version: report.version + 1 },
    });
  });
});

describe("decisions and claims", () => {
  const claimRows = (id: string) =>
    t.db.sequelize.query(`SELECT holder_id FROM report_claims WHERE report_id = :id`, { replacements: { id }, type: QueryTypes.SELECT });

  it("refuses anyone but the holder of a live claim, admins included, until the lease runs out", async () => {
    const report = await submit();
    const holder = await createAccount(t, "verifier", { verifierRegions: [PARINGIN] });
    const holderCookie = await login(t, holder);
    const admin = await login(t, await createAccount(t, "admin"));
    expect((await api(t, "POST", `/api/reports/${report.id}/claim`, { cookie: holderCookie })).status).toBe(200);
    for (const cookie of [verifier, admin]) {
      const res = await decide(cookie, report.id, { status: "verified", version: report.version });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/^Being handled by Test verifier/);
      expect(claimHolderOf(res.body.error.fields)?.holderId).toBe(holder.id);
    }
    expect(decisionState((await api(t, "GET", `/api/reports/${report.id}`, { cookie: verifier })).body.data)).toEqual(decisionState(report));
    clock.advance(10 * 60_000);
    expect((await decide(verifier, report.id, { status: "verified", version: report.version })).status).toBe(200);
    // The lapsed lease held nothing up, and holds nothing now.
    expect((await api(t, "POST", `/api/reports/${report.id}/claim`, { cookie: admin })).status).toBe(200);
  });

  it("lets the holder decide, and ends the claim: the others see the report free", async () => {
    const report = await submit();
    const other = await openSocket(t, { cookie: await login(t, await createAccount(t, "verifier", { verifierRegions: [PARINGIN] })) });
    const notices: [string, ClaimNotice][] = [];
    other.on("report:claimed", (n) => notices.push(["claimed", n]));
    other.on("report:released", (n) => notices.push(["released", n]));
    expect((await api(t, "POST", `/api/reports/${report.id}/claim`, { cookie: verifier })).status).toBe(200);
    const res = await decide(verifier, report.id, { status: "rejected", note: "Bukan kejadian baru", version: report.version });
    expect(res.status).toBe(200);
    await expect.poll(() => notices.map(([e]) => e)).toEqual(["claimed", "released"]);
    expect(notices[1]![1]).toEqual({ reportId: report.id, claim: null });
    other.close();
    expect(await claimRows(report.id)).toEqual([]);
  });
});
