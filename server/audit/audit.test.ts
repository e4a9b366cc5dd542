import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@contract/users.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { situationReport } from "../test/reports.ts";

const t = useTestApp();
const officer = useAccount(t, "officer");
const verifier = useAccount(t, "verifier");
const admin = useAccount(t, "admin");

const audit = async (query: string): Promise<AuditEntry[]> => {
  const res = await api(t, "GET", `/api/audit?${query}`, { cookie: admin.cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};

describe("the audit log as people read it", () => {
  it("names the actor and the target (a report by number and perihal, a user by name), filtered by actions, actor and time", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const submitted = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: situationReport({ perihal: "Sengketa batas kebun" }) });
    const { id, number } = submitted.body.data;
    expect((await api(t, "POST", `/api/reports/${id}/claim`, { cookie: verifier.cookie })).status).toBe(200);
    expect((await api(t, "POST", `/api/reports/${id}/status`, { cookie: verifier.cookie, body: { status: "verified", version: 1 } })).status).toBe(200);
    const created = await api(t, "POST", "/api/users", { cookie: admin.cookie, body: { username: `audit${Date.now().toString(36)}`, displayName: "Rahmat Hidayat", role: "guest" } });
    const until = new Date(Date.now() + 1000).toISOString();

    const decisions = await audit(`action=report.claimed,report.status_changed&actorId=${verifier.id}`);
    const label = `${number} · Sengketa batas kebun`;
    expect(decisions).toEqual([
      expect.objectContaining({ action: "report.status_changed", actorName: "Test verifier", actorUsername: verifier.username, targetType: "report", targetId: id, targetLabel: label, details: { number, from: "submitted", to: "verified", note: null, version: 2 } }),
      expect.objectContaining({ action: "report.claimed", actorName: "Test verifier", targetLabel: label, details: expect.objectContaining({ number }) }),
    ]);
    // The same list asked the other ways: the parameter repeated, the actor by username, inside the time range.
    expect(await audit(`action=report.claimed&action=report.status_changed&actor=${verifier.username}&from=${encodeURIComponent(since)}&to=${encodeURIComponent(until)}`)).toEqual(decisions);
    expect(await audit(`actorId=${verifier.id}&from=${encodeURIComponent(until)}`)).toEqual([]);
    expect(await audit(`action=report.claimed,report.status_changed&actorId=${verifier.id}&to=${encodeURIComponent(since)}`)).toEqual([]);

    const [userCreated] = await audit(`action=user.created&actorId=${admin.id}`);
    expect(userCreated).toMatchObject({ actorName: "Test admin", targetType: "user", targetId: created.body.data.user.id, targetLabel: `Rahmat Hidayat (${created.body.data.user.username})` });
  });

  it("refuses an action name that is not one", async () => {
    const res = await api(t, "GET", "/api/audit?action=report.claimed,DROP%20TABLE", { cookie: admin.cookie });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["action.1"]);
  });
});
