import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";
import { dailyReport, situationReport } from "./reports.ts";
import { INCIDENT_SUCCESSES } from "./incident-successes.ts";
import { DUTY_SUCCESSES } from "./duty-successes.ts";
import { PUBLISHING_SUCCESSES } from "./publishing-successes.ts";
import { ALERT_SUCCESSES } from "./alert-successes.ts";
import { WALL_SUCCESSES } from "./wall-successes.ts";
import { NOTIFICATION_SUCCESSES } from "./notification-successes.ts";
import { NEWS_SUCCESSES } from "./news-successes.ts";
import { FACILITY_SUCCESSES } from "./facility-successes.ts";

type Answer = { status: number; body: unknown };

async function officerReport(t: TestApp, photos: string[] = []) {
  const cookie = await login(t, await createAccount(t, "officer"));
  const res = await api(t, "POST", "/api/reports", { cookie, body: situationReport({ photos }) });
  return { cookie, res, id: (res.body as { data: { id: string } }).data.id };
}

/**
 * One request per route that succeeds, for the routes whose access-matrix case expects an error for
 * every audience. Each uses accounts of its own, so the order of tests does not matter.
 */
export const SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  ...INCIDENT_SUCCESSES,
  ...DUTY_SUCCESSES,
  ...PUBLISHING_SUCCESSES,
  ...ALERT_SUCCESSES,
  ...WALL_SUCCESSES,
  ...NOTIFICATION_SUCCESSES,
  ...NEWS_SUCCESSES,
  ...FACILITY_SUCCESSES,
  "POST /api/auth/login": async (t) => {
    const account = await createAccount(t, "guest");
    return api(t, "POST", "/api/auth/login", { body: { username: account.username, password: account.password } });
  },
  "POST /api/auth/register": (t) =>
    api(t, "POST", "/api/auth/register", {
      body: { contact: `shape${Date.now().toString(36)}@warga.example`, displayName: "Warga", password: "Warga-balangan-1", consent: true },
    }),
  "DELETE /api/auth/me": async (t) => {
    const contact = `hapus${Date.now().toString(36)}@warga.example`;
    const made = await api(t, "POST", "/api/auth/register", { body: { contact, displayName: "Warga", password: "Warga-balangan-1", consent: true } });
    const cookie = made.headers.get("set-cookie")!.split(";")[0]!;
    return api(t, "DELETE", "/api/auth/me", { cookie, body: { password: "Warga-balangan-1" } });
  },
  "POST /api/auth/password": async (t) => {
    const account = await createAccount(t, "guest");
    const cookie = await login(t, account);
    return api(t, "POST", "/api/auth/password", { cookie, body: { currentPassword: account.password, newPassword: "Another-pass-1" } });
  },
  "POST /api/reports": async (t) => (await officerReport(t)).res,
  "POST /api/reports/:id/status": async (t) => {
    const { id } = await officerReport(t);
    const admin = await login(t, await createAccount(t, "admin"));
    const { body } = await api(t, "GET", `/api/reports/${id}`, { cookie: admin });
    const version = (body as { data: { version: number } }).data.version;
    return api(t, "POST", `/api/reports/${id}/status`, { cookie: admin, body: { status: "verified", version } });
  },
  // The matrix sees bulk answer `stale` only; an applied item carries the report, checked here.
  // A verified daily report its author sends again is an amendment; the review clears its flag.
  "POST /api/reports/:id/review-amendment": async (t) => {
    const cookie = await login(t, await createAccount(t, "officer"));
    const day = "2026-07-01";
    const { data } = (await api(t, "POST", "/api/reports", { cookie, body: dailyReport(randomUUID(), day) })).body as { data: { id: string } };
    const admin = await login(t, await createAccount(t, "admin"));
    const versionOf = async () => ((await api(t, "GET", `/api/reports/${data.id}`, { cookie: admin })).body as { data: { version: number } }).data.version;
    await api(t, "POST", `/api/reports/${data.id}/status`, { cookie: admin, body: { status: "verified", version: await versionOf() } });
    await api(t, "POST", "/api/reports", { cookie, body: dailyReport(randomUUID(), day, { jumlahKejadian: 1 }) });
    return api(t, "POST", `/api/reports/${data.id}/review-amendment`, { cookie: admin, body: { version: await versionOf() } });
  },
  "POST /api/reports/bulk": async (t) => {
    const { id } = await officerReport(t);
    const admin = await login(t, await createAccount(t, "admin"));
    const { body } = await api(t, "GET", `/api/reports/${id}`, { cookie: admin });
    const version = (body as { data: { version: number } }).data.version;
    return api(t, "POST", "/api/reports/bulk", { cookie: admin, body: { action: "verify", items: [{ id, version }] } });
  },
  "PUT /api/reports/:id/photos/:sha256": async (t) => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 60 } } }).jpeg().toBuffer();
    const sha = createHash("sha256").update(photo).digest("hex");
    const { cookie, id } = await officerReport(t, [sha]);
    const res = await fetch(`${t.baseUrl}/api/reports/${id}/photos/${sha}`, {
      method: "PUT",
      headers: { "content-type": "image/jpeg", cookie },
      body: new Uint8Array(photo),
    });
    return { status: res.status, body: await res.json() };
  },
};
