import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DUTY_SETTINGS, type DutyReminder, type ScorecardOfficer } from "@contract/duties.ts";
import { manualClock } from "../core/clock.ts";
import { api, useAccount } from "../test/accounts.ts";
import { dailyReport } from "../test/reports.ts";
import { openSocket } from "../test/sockets.ts";
import { useTestApp } from "../test/test-app.ts";

const wita = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(wita("2026-10-20T12:00:00"));
const t = useTestApp({}, { clock });
const admin = useAccount(t, "admin");
const leader = useAccount(t, "leader");
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const colleague = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const southVerifier = useAccount(t, "verifier", { verifierRegions: ["63.11.06"] });
const northVerifier = useAccount(t, "verifier", { verifierRegions: ["63.11.01"] });

const ids: Record<string, string> = {};

async function send(report: object, name: string) {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: report });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.data.id;
}

const daily = (day: string, sentAt: string) => ({ ...dailyReport(randomUUID(), day), sentAt: `${sentAt}+08:00`, occurredAt: `${sentAt}+08:00` });

async function dutyCheck() {
  const { done } = await t.services.jobs.runNow("duty-check", undefined, "manual", null);
  expect((await done).outcome).toBe("ok");
}

async function octoberRow(cookie = admin.cookie): Promise<ScorecardOfficer> {
  const res = await api(t, "GET", `/api/duties/scorecard?period=2026-10&officer=${officer.id}`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.officers[0];
}

beforeAll(async () => {
  const asAdmin = (method: string, path: string, body: unknown) => api(t, method, path, { cookie: admin.cookie, body });
  expect((await asAdmin("PUT", `/api/duties/officers/${officer.id}`, { owesFrom: "2026-10-01" })).status).toBe(200);
  expect((await asAdmin("POST", "/api/holidays", { day: "2026-10-07", name: "Libur uji" })).status).toBe(200);
  expect((await asAdmin("POST", "/api/leave", { officerId: officer.id, firstDay: "2026-10-12", lastDay: "2026-10-14", reason: "Cuti" })).status).toBe(201);
  await send(daily("2026-10-01", "2026-10-01T19:00:00"), "oct1");
  await send(daily("2026-10-02", "2026-10-03T08:00:00"), "oct2");
  await send(daily("2026-10-05", "2026-10-05T20:30:00"), "oct5");
  // Due Monday the 12th at noon, which is leave: the deadline moves to the 15th.
  await send({ ...daily("2026-10-05", "2026-10-15T10:00:00"), kind: "weekly", period: "2026-W41", body: { tallies: {} } }, "w41");
  for (const [name, status] of [["oct1", "verified"], ["oct2", "rejected"]] as const) {
    const res = await api(t, "POST", `/api/reports/${ids[name]}/status`, { cookie: admin.cookie, body: { status, version: 1, note: status === "rejected" ? "Tidak lengkap" : undefined } });
    expect(res.status).toBe(200);
  }
  await dutyCheck();
});

afterAll(async () => {
  await api(t, "PUT", "/api/duties/settings", { cookie: admin.cookie, body: DEFAULT_DUTY_SETTINGS });
  await api(t, "DELETE", "/api/holidays/2026-10-07", { cookie: admin.cookie });
});

describe("reporting duties", () => {
  it("count what an officer owed in a month, leaving out a holiday, leave and the days before their start", async () => {
    const row = await octoberRow();
    // Daily: 1–20 October, less the 7th (holiday) and 12–14 (leave) = 16; weekly W41, W42, W43; monthly October.
    expect(row).toMatchObject({ owed: 20, onTime: 2, late: 2, missing: 13, pending: 3, reports: 4, verified: 1, rejected: 1, verificationRate: 0.5 });
    const res = await api(t, "GET", `/api/duties/scorecard/${officer.id}/reports?period=2026-10`, { cookie: admin.cookie });
    const duties = res.body.data.duties as { kind: string; period: string; status: string; dueAt: string }[];
    const status = (kind: string, period: string) => duties.find((d) => d.kind === kind && d.period === period)?.status;
    expect([status("daily", "2026-10-01"), status("daily", "2026-10-02"), status("daily", "2026-10-07"), status("daily", "2026-10-13")]).toEqual(["on_time", "late", undefined, undefined]);
    expect([status("weekly", "2026-W41"), status("weekly", "2026-W42"), status("weekly", "2026-W43"), status("monthly", "2026-10")]).toEqual(["on_time", "missing", "pending", "pending"]);
    expect(duties.find((d) => d.period === "2026-W41")!.dueAt).toBe(wita("2026-10-15T12:00:00").toISOString());
    expect(res.body.data.reports.map((r: { id: string }) => r.id).sort()).toEqual(Object.values(ids).sort());
  });

  it("judge again at once when an admin removes a holiday or moves a deadline", async () => {
    expect((await api(t, "DELETE", "/api/holidays/2026-10-07", { cookie: admin.cookie })).status).toBe(204);
    expect(await octoberRow()).toMatchObject({ owed: 21, missing: 14 });
    const later = { ...DEFAULT_DUTY_SETTINGS, daily: { ...DEFAULT_DUTY_SETTINGS.daily, time: "21:00" } };
    expect((await api(t, "PUT", "/api/duties/settings", { cookie: admin.cookie, body: later })).status).toBe(200);
    expect(await octoberRow()).toMatchObject({ onTime: 3, late: 1 });
    expect((await api(t, "PUT", "/api/duties/settings", { cookie: admin.cookie, body: DEFAULT_DUTY_SETTINGS })).status).toBe(200);
    expect((await api(t, "POST", "/api/holidays", { cookie: admin.cookie, body: { day: "2026-10-07", name: "Libur uji" } })).status).toBe(200);
    expect(await octoberRow()).toMatchObject({ owed: 20, onTime: 2, late: 2, missing: 13 });
  });

  it("show officers their own scorecard, verifiers their region's, leaders everyone's", async () => {
    const own = await api(t, "GET", "/api/duties/scorecard?period=2026-10", { cookie: officer.cookie });
    expect(own.body.data.officers.map((o: ScorecardOfficer) => o.officerId)).toEqual([officer.id]);
    expect((await api(t, "GET", `/api/duties/scorecard?officer=${officer.id}`, { cookie: colleague.cookie })).status).toBe(403);
    expect((await api(t, "GET", `/api/duties/scorecard/${officer.id}/reports`, { cookie: colleague.cookie })).status).toBe(404);
    expect((await api(t, "GET", `/api/duties/scorecard/${officer.id}/reports`, { cookie: northVerifier.cookie })).status).toBe(404);
    expect((await api(t, "GET", `/api/duties/scorecard/${officer.id}/reports`, { cookie: southVerifier.cookie })).status).toBe(200);
    expect((await api(t, "GET", "/api/duties/scorecard?kecamatan=63.11.06", { cookie: northVerifier.cookie })).status).toBe(403);
    expect(await octoberRow(leader.cookie)).toMatchObject({ owed: 20 });
    const south = await api(t, "GET", "/api/duties/scorecard?period=2026-10&kecamatan=63.11.06", { cookie: southVerifier.cookie });
    expect(south.body.data.kecamatan.find((k: { kecamatanKode: string }) => k.kecamatanKode === "63.11.06").owed).toBeGreaterThanOrEqual(20);
    const leave = await api(t, "GET", "/api/leave", { cookie: northVerifier.cookie });
    expect(leave.body.data.filter((l: { officerId: string }) => l.officerId === officer.id)).toEqual([]);
    expect((await api(t, "GET", "/api/leave", { cookie: officer.cookie })).body.data.map((l: { firstDay: string }) => l.firstDay)).toEqual(["2026-10-12"]);
    expect((await api(t, "POST", "/api/leave", { cookie: admin.cookie, body: { officerId: admin.id, firstDay: "2026-10-01", lastDay: "2026-10-02" } })).status).toBe(404);
    expect((await api(t, "POST", "/api/leave", { cookie: admin.cookie, body: { officerId: officer.id, firstDay: "2026-10-05", lastDay: "2026-10-02" } })).status).toBe(400);
  });

  it("remind the officer on their phone before a deadline, once, and list the duty until it is met", async () => {
    const socket = await openSocket(t, { cookie: officer.cookie });
    try {
      const reminders: DutyReminder[] = [];
      socket.on("duty:reminder", (r) => reminders.push(r));
      clock.set(wita("2026-10-20T18:30:00"));
      await dutyCheck();
      clock.advance(15 * 60_000);
      await dutyCheck();
      // An ack on the same socket comes after anything the server sent it before.
      const ack = await socket.emitWithAck("report:submit", daily("2026-10-20", "2026-10-20T18:50:00"));
      expect("data" in ack).toBe(true);
      expect(reminders.map((r) => [r.duty.kind, r.duty.period, r.duty.dueAt])).toEqual([["daily", "2026-10-20", wita("2026-10-20T20:00:00").toISOString()]]);
      const mine = await api(t, "GET", "/api/duties/mine", { cookie: officer.cookie });
      const today = mine.body.data.duties.find((d: { kind: string; period: string }) => d.kind === "daily" && d.period === "2026-10-20");
      expect(today).toMatchObject({ status: "on_time", remindAt: wita("2026-10-20T18:00:00").toISOString() });
      expect((await api(t, "GET", "/api/duties/mine", { cookie: admin.cookie })).body.data.duties).toEqual([]);
    } finally {
      socket.close();
    }
  });
});
