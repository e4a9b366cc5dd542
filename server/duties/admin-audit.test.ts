import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@contract/users.ts";
import { api, useAccount } from "../test/accounts.ts";
import { useTestApp } from "../test/test-app.ts";

const t = useTestApp();
const admin = useAccount(t, "admin");
const officer = useAccount(t, "officer");

const asAdmin = (method: string, path: string, body?: unknown) => api(t, method, path, { cookie: admin.cookie, body });

/** This admin's entries of one action, newest first (the admin is made for this file: no one else's). */
async function entriesOf(action: string): Promise<AuditEntry[]> {
  const res = await api(t, "GET", `/api/audit?action=${action}&actorId=${admin.id}`, { cookie: admin.cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function expectOneEntry(action: string, target: { type: string; id: string }, details: Record<string, unknown> = {}) {
  const entries = await entriesOf(action);
  expect(entries, action).toHaveLength(1);
  expect(entries[0]).toMatchObject({ action, actorId: admin.id, actorUsername: admin.username, targetType: target.type, targetId: target.id, details });
  return entries[0]!;
}

// Days far in the past, so the duties these changes judge again are no other test's.
describe("admins' job and duty actions in the audit log", () => {
  it("records a job run an admin started, with the run and its period", async () => {
    const res = await asAdmin("POST", "/api/jobs/rollup-daily/run", { period: "2020-08-04" });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const entry = await expectOneEntry("job.run", { type: "job", id: String(res.body.data.runId) }, { job: "rollup-daily", period: "2020-08-04", trigger: "manual" });
    expect(entry.ip).toBeTruthy();
    await t.services.jobs.settled();
  });

  it("records the deadlines changed, with what they were and what they became", async () => {
    const before = (await asAdmin("GET", "/api/duties/settings")).body.data;
    const after = { ...before, reminderLeadMinutes: before.reminderLeadMinutes === 90 ? 60 : 90 };
    expect((await asAdmin("PUT", "/api/duties/settings", after)).status).toBe(200);
    await expectOneEntry("duty.settings_changed", { type: "duty_settings", id: "settings" }, { before, after });
    expect((await asAdmin("PUT", "/api/duties/settings", before)).status).toBe(200);
  });

  it("records an officer's start day set, naming the officer", async () => {
    expect((await asAdmin("PUT", `/api/duties/officers/${officer.id}`, { owesFrom: "2020-08-01" })).status).toBe(200);
    const entry = await expectOneEntry("duty.officer_start_changed", { type: "user", id: officer.id }, { to: "2020-08-01", setByAdmin: true });
    expect(entry.targetLabel).toContain(officer.username);
  });

  it("records a holiday added and removed, with its day and name", async () => {
    expect((await asAdmin("POST", "/api/holidays", { day: "2020-08-20", name: "Kenaikan (uji audit)" })).status).toBe(200);
    await expectOneEntry("holiday.added", { type: "holiday", id: "2020-08-20" }, { day: "2020-08-20", name: "Kenaikan (uji audit)" });
    expect((await asAdmin("DELETE", "/api/holidays/2020-08-20")).status).toBe(204);
    await expectOneEntry("holiday.removed", { type: "holiday", id: "2020-08-20" }, { day: "2020-08-20", name: "Kenaikan (uji audit)" });
  });

  it("records leave added and removed, naming the officer and the days", async () => {
    const made = await asAdmin("POST", "/api/leave", { officerId: officer.id, firstDay: "2020-09-07", lastDay: "2020-09-09", reason: "Cuti (uji audit)" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const leaveId = made.body.data.id;
    const days = { leaveId, firstDay: "2020-09-07", lastDay: "2020-09-09", reason: "Cuti (uji audit)" };
    await expectOneEntry("leave.added", { type: "user", id: officer.id }, days);
    expect((await asAdmin("DELETE", `/api/leave/${leaveId}`)).status).toBe(204);
    await expectOneEntry("leave.removed", { type: "user", id: officer.id }, days);
  });

  it("records nothing for a change that was refused", async () => {
    expect((await asAdmin("DELETE", "/api/holidays/2020-08-21")).status).toBe(404);
    expect((await asAdmin("POST", "/api/jobs/rollup-weekly/run", { period: "2020-08" })).status).toBe(400);
    expect((await entriesOf("holiday.removed")).filter((e) => e.targetId === "2020-08-21")).toEqual([]);
    expect((await entriesOf("job.run")).filter((e) => (e.details as { job?: string }).job === "rollup-weekly")).toEqual([]);
  });
});
