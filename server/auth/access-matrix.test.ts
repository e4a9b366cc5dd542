import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Audience } from "@contract/auth.ts";
import { AUDIENCES } from "@contract/auth.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login, type TestAccount } from "../test/accounts.ts";
import { listRoutes } from "../test/routes.ts";
import { contractProblems, JSON_ROUTES } from "../test/contract.ts";
import { SUCCESSES } from "../test/contract-successes.ts";
import { KABUPATEN_SUMMARY_SUCCESSES } from "../test/kabupaten-summary-successes.ts";
import { API_ROUTES } from "@contract/routes.ts";
import { actorOfAccount, situationReport } from "../test/reports.ts";
import { PERMISSIONS } from "./permissions.ts";
import { SOCKET_EVENT_ACCESS } from "./socket-access.ts";
import { PERIODIC_CASES } from "../test/periodic-successes.ts";
import { WALL_CASES } from "../test/wall-successes.ts";
import { kioskMay } from "./permissions.ts";
import { FACILITY_CASES } from "../test/facility-successes.ts";

/**
 * Every route × every audience → the status it must answer, and every answer in the shape the route's
 * contract entry declares (server/contract/routes.ts). A route registered on the app but missing
 * here fails the first test: nothing reaches production without an access decision.
 */
type Expect = Record<Audience, number>;
const ALL = (status: number): Expect => ({ anonymous: status, guest: status, officer: status, verifier: status, leader: status, admin: status });
const SIGNED_IN = (status: number): Expect => ({ ...ALL(status), anonymous: 401 });
const ADMIN_ONLY = (status: number): Expect => ({ ...ALL(403), anonymous: 401, admin: status });

interface Case {
  expect: Expect;
  path?: (ctx: Ctx) => string;
  body?: (ctx: Ctx) => unknown;
}
interface Ctx {
  target: TestAccount;
  unique: () => string;
  /** A report by the officer audience, with one declared (not uploaded) photo. */
  report: { id: string; photo: string };
}
const OFFICER_ONLY = (status: number): Expect => ({ ...ALL(403), anonymous: 401, officer: status });
/** Readers of reports: officers (own), verifiers, leaders, admins — never guests. */
const REPORT_READERS = (status: number): Expect => ({ ...ALL(status), anonymous: 401, guest: 403 });

/** Verifiers, leaders and admins; never officers (not even for their own reports) or guests. */
const STAFF_READERS = (status: number): Expect => ({ ...ALL(403), anonymous: 401, verifier: status, leader: status, admin: status });
/** Those who decide on reports: verifiers and admins. */
const DECIDERS = (status: number): Expect => ({ ...ALL(403), anonymous: 401, verifier: status, admin: status });
/** An id no row has. */
const NOBODY = "00000000-0000-4000-8000-000000000000";

const CASES: Record<string, Case> = {
  "GET /healthz": { expect: ALL(200) },
  "GET /readyz": { expect: ALL(200) },
  "GET /api/config": { expect: ALL(200) },
  "GET /api/regions": { expect: ALL(200) },
  "GET /api/regions/locate": { expect: ALL(200), path: () => "/api/regions/locate?lat=-2.3217&lng=115.4584" },
  "POST /api/auth/login": { expect: ALL(400), body: () => ({}) },
  "POST /api/auth/register": { expect: ALL(400), body: () => ({ username: "x" }) },
  "GET /api/auth/me": { expect: SIGNED_IN(200) },
  // Validation first (no password): the guest-only rule and the password are checked in users' tests.
  "DELETE /api/auth/me": { expect: SIGNED_IN(400), body: () => ({}) },
  "GET /api/auth/session": { expect: ALL(200) },
  "PATCH /api/auth/me": { expect: SIGNED_IN(200), body: () => ({}) },
  "POST /api/auth/password": { expect: SIGNED_IN(400), body: () => ({ currentPassword: "wrong-wrong", newPassword: "Another-pass-1" }) },
  "GET /api/users": { expect: ADMIN_ONLY(200) },
  "POST /api/users": {
    expect: ADMIN_ONLY(201),
    body: (c) => ({ username: c.unique(), displayName: "Matrix", role: "guest" }),
  },
  "GET /api/users/:id": { expect: ADMIN_ONLY(200), path: (c) => `/api/users/${c.target.id}` },
  "PATCH /api/users/:id": { expect: ADMIN_ONLY(200), path: (c) => `/api/users/${c.target.id}`, body: () => ({ position: "Staf" }) },
  "POST /api/users/:id/reset-password": { expect: ADMIN_ONLY(200), path: (c) => `/api/users/${c.target.id}/reset-password` },
  "GET /api/audit": { expect: ADMIN_ONLY(200) },
  "POST /api/reports": { expect: OFFICER_ONLY(400), body: () => ({ kind: "situation" }) },
  "GET /api/reports": { expect: REPORT_READERS(200) },
  "GET /api/reports/:id": { expect: REPORT_READERS(200), path: (c) => `/api/reports/${c.report.id}` },
  // The queue's counts, and a report's past for the verification desk (issue 13). Reviewing an amendment
  // without a version is refused by validation (400) once the permission check has passed.
  "GET /api/reports/counts": { expect: REPORT_READERS(200) },
  "GET /api/reports/:id/history": { expect: STAFF_READERS(200), path: (c) => `/api/reports/${c.report.id}/history` },
  "GET /api/reports/:id/revisions": { expect: STAFF_READERS(200), path: (c) => `/api/reports/${c.report.id}/revisions` },
  "GET /api/reports/:id/revisions/:n": { expect: STAFF_READERS(200), path: (c) => `/api/reports/${c.report.id}/revisions/1` },
  "GET /api/reports/:id/diff": { expect: STAFF_READERS(200), path: (c) => `/api/reports/${c.report.id}/diff?from=1&to=1` },
  "POST /api/reports/:id/review-amendment": { expect: DECIDERS(400), path: (c) => `/api/reports/${c.report.id}/review-amendment`, body: () => ({}) },
  // Validation runs after the permission check: deciders get 400 for the missing version, nothing changes.
  "POST /api/reports/:id/status": {
    expect: { ...ALL(403), anonymous: 401, verifier: 400, admin: 400 },
    path: (c) => `/api/reports/${c.report.id}/status`,
    body: () => ({ status: "verified" }),
  },
  // Claims (issue 13): the verifier takes the report, so the admin after it is told who holds it; the
  // release that follows leaves it free for the cases after these.
  "POST /api/reports/:id/claim": {
    expect: { ...ALL(403), anonymous: 401, verifier: 200, admin: 409 },
    path: (c) => `/api/reports/${c.report.id}/claim`,
  },
  "DELETE /api/reports/:id/claim": {
    expect: { ...ALL(403), anonymous: 401, verifier: 204, admin: 204 },
    path: (c) => `/api/reports/${c.report.id}/claim`,
  },
  // A version the report never had: deciders get 200 with the item `stale`, nothing changes.
  "POST /api/reports/bulk": {
    expect: { ...ALL(403), anonymous: 401, verifier: 200, admin: 200 },
    body: (c) => ({ action: "verify", items: [{ id: c.report.id, version: 999 }] }),
  },
  "PUT /api/reports/:id/photos/:sha256": {
    expect: OFFICER_ONLY(400),
    path: (c) => `/api/reports/${c.report.id}/photos/${c.report.photo}`,
  },
  "GET /api/reports/:id/photos/:sha256": {
    expect: REPORT_READERS(404),
    path: (c) => `/api/reports/${c.report.id}/photos/${c.report.photo}`,
  },
  "GET /api/changes": { expect: SIGNED_IN(200) },
  "GET /api/sub-categories": { expect: ALL(200) },
  "POST /api/sub-categories": { expect: ADMIN_ONLY(201), body: (c) => ({ bidang: "politik", name: c.unique() }) },
  "PATCH /api/sub-categories/:id": { expect: ADMIN_ONLY(200), path: () => "/api/sub-categories/1", body: () => ({ sort: 0 }) },
  // Duplicates, incidents and follow-ups (issue 13). Ids nobody has answer 404 to those allowed: each
  // route's success is checked in server/test/incident-successes.ts.
  "GET /api/reports/:id/duplicates": { expect: STAFF_READERS(200), path: (c) => `/api/reports/${c.report.id}/duplicates` },
  "GET /api/incidents": { expect: STAFF_READERS(200) },
  "GET /api/incidents/:id": { expect: STAFF_READERS(404), path: () => `/api/incidents/${NOBODY}` },
  "POST /api/incidents": { expect: DECIDERS(400), body: () => ({ reportIds: [] }) },
  "POST /api/incidents/:id/reports": { expect: DECIDERS(404), path: () => `/api/incidents/${NOBODY}/reports`, body: () => ({ reportIds: [NOBODY] }) },
  "DELETE /api/incidents/:id/reports/:reportId": { expect: DECIDERS(404), path: () => `/api/incidents/${NOBODY}/reports/${NOBODY}` },
  "GET /api/agencies": { expect: STAFF_READERS(200) },
  "POST /api/agencies": { expect: ADMIN_ONLY(201), body: (c) => ({ name: c.unique(), kind: "other" }) },
  "PATCH /api/agencies/:id": { expect: ADMIN_ONLY(404), path: () => `/api/agencies/${NOBODY}`, body: () => ({ active: true }) },
  "GET /api/follow-ups": { expect: STAFF_READERS(200) },
  "GET /api/follow-ups/board": { expect: STAFF_READERS(200) },
  "POST /api/follow-ups": { expect: DECIDERS(400), body: () => ({}) },
  "POST /api/follow-ups/:id/response": { expect: DECIDERS(404), path: () => `/api/follow-ups/${NOBODY}/response`, body: () => ({ response: "x" }) },
  "POST /api/follow-ups/:id/close": { expect: DECIDERS(404), path: () => `/api/follow-ups/${NOBODY}/close` },
  "GET /api/reports/:id/follow-ups": { expect: STAFF_READERS(200), path: (c) => `/api/reports/${c.report.id}/follow-ups` },
  // Last: it ends the session used for the others.
  // Jobs, statistics and reporting duties (issue 15).
  "GET /api/jobs": { expect: ADMIN_ONLY(200) },
  "GET /api/jobs/runs": { expect: ADMIN_ONLY(200) },
  "POST /api/jobs/:name/run": { expect: ADMIN_ONLY(404), path: () => "/api/jobs/no-such-job/run", body: () => ({}) },
  "GET /api/stats/trend": { expect: STAFF_READERS(200) },
  "GET /api/stats/summary": { expect: STAFF_READERS(200) },
  "GET /api/duties/mine": { expect: REPORT_READERS(200) },
  "GET /api/duties/settings": { expect: REPORT_READERS(200) },
  "PUT /api/duties/settings": { expect: ADMIN_ONLY(400), body: () => ({}) },
  "PUT /api/duties/officers/:officerId": { expect: ADMIN_ONLY(404), path: () => `/api/duties/officers/${NOBODY}`, body: () => ({ owesFrom: null }) },
  "GET /api/duties/scorecard": { expect: REPORT_READERS(200) },
  "GET /api/duties/scorecard/:officerId/reports": { expect: REPORT_READERS(404), path: () => `/api/duties/scorecard/${NOBODY}/reports` },
  "GET /api/holidays": { expect: REPORT_READERS(200) },
  "POST /api/holidays": { expect: ADMIN_ONLY(400), body: () => ({}) },
  "DELETE /api/holidays/:day": { expect: ADMIN_ONLY(404), path: () => "/api/holidays/2020-01-02" },
  "GET /api/leave": { expect: REPORT_READERS(200) },
  "POST /api/leave": { expect: ADMIN_ONLY(400), body: () => ({}) },
  "DELETE /api/leave/:id": { expect: ADMIN_ONLY(404), path: () => `/api/leave/${NOBODY}` },
  "GET /api/periodic/kabupaten-summary": { expect: STAFF_READERS(200), path: () => "/api/periodic/kabupaten-summary?month=2020-10" },
  ...PERIODIC_CASES,
  // Facilities (issue 14): cases and successes in server/test/facility-successes.ts.
  ...FACILITY_CASES,
  // Publishing (issue 14): the matrix's report is only submitted, so deciders are refused with the reason
  // (409); each success is in server/test/publishing-successes.ts. Public reads need no login.
  "GET /api/reports/:id/public-draft": { expect: DECIDERS(200), path: (c) => `/api/reports/${c.report.id}/public-draft` },
  "POST /api/reports/:id/publish": { expect: DECIDERS(409), path: (c) => `/api/reports/${c.report.id}/publish`, body: () => ({ version: 1 }) },
  "POST /api/reports/:id/unpublish": { expect: DECIDERS(409), path: (c) => `/api/reports/${c.report.id}/unpublish`, body: () => ({ version: 1, note: "Matriks" }) },
  "GET /api/public/reports": { expect: ALL(200) },
  "GET /api/public/map": { expect: ALL(200) },
  "GET /api/public/reports/:id": { expect: ALL(404), path: () => `/api/public/reports/${NOBODY}` },
  "GET /api/public/photos/:id": { expect: ALL(404), path: () => `/api/public/photos/${NOBODY}` },
  // Early warning (issue 16): staff read alerts, leaders and admins acknowledge or close them, admins tune
  // the rules. Ids nobody has answer 404 to those allowed; successes are in server/test/alert-successes.ts.
  "GET /api/alerts": { expect: STAFF_READERS(200) },
  "GET /api/alerts/levels": { expect: STAFF_READERS(200) },
  "GET /api/alerts/rules": { expect: ADMIN_ONLY(200) },
  "PUT /api/alerts/rules": { expect: ADMIN_ONLY(400), body: () => ({}) },
  "POST /api/alerts/evaluate": { expect: ADMIN_ONLY(200) },
  "GET /api/alerts/:id": { expect: STAFF_READERS(404), path: () => `/api/alerts/${NOBODY}` },
  "POST /api/alerts/:id/acknowledge": { expect: { ...ALL(403), anonymous: 401, leader: 404, admin: 404 }, path: () => `/api/alerts/${NOBODY}/acknowledge`, body: () => ({ note: "x" }) },
  "POST /api/alerts/:id/close": { expect: { ...ALL(403), anonymous: 401, leader: 404, admin: 404 }, path: () => `/api/alerts/${NOBODY}/close`, body: () => ({}) },
  // News (issue 14): admins write, anyone reads what is public. Ids nobody has answer 404 to those allowed;
  // successes are in server/test/news-successes.ts.
  "GET /api/news": { expect: ADMIN_ONLY(200) },
  "POST /api/news": { expect: ADMIN_ONLY(201), body: (c) => ({ title: `Matriks ${c.unique()}` }) },
  "POST /api/news/preview": { expect: ADMIN_ONLY(200), body: () => ({ body: "**Matriks**" }) },
  "GET /api/news/:id": { expect: ADMIN_ONLY(404), path: () => `/api/news/${NOBODY}` },
  "PATCH /api/news/:id": { expect: ADMIN_ONLY(404), path: () => `/api/news/${NOBODY}`, body: () => ({ version: 1 }) },
  "DELETE /api/news/:id": { expect: ADMIN_ONLY(404), path: () => `/api/news/${NOBODY}` },
  "PUT /api/news/:id/cover": { expect: ADMIN_ONLY(404), path: () => `/api/news/${NOBODY}/cover` },
  "GET /api/news/:id/cover": { expect: ADMIN_ONLY(404), path: () => `/api/news/${NOBODY}/cover` },
  "GET /api/public/news": { expect: ALL(200) },
  "GET /api/public/news/:slug": { expect: ALL(404), path: () => "/api/public/news/tidak-ada-berita-ini" },
  "GET /api/public/news/:id/cover": { expect: ALL(404), path: () => `/api/public/news/${NOBODY}/cover` },
  // Notifications (issue 14): every signed-in user's own centre, subscription and push registration; the
  // VAPID key is public. A push subscription's success is in server/test/notification-successes.ts.
  "GET /api/notifications": { expect: SIGNED_IN(200) },
  "POST /api/notifications/read": { expect: SIGNED_IN(200), body: () => ({ all: true }) },
  "GET /api/notifications/subscriptions": { expect: SIGNED_IN(200) },
  "PUT /api/notifications/subscriptions": { expect: SIGNED_IN(200), body: () => ({ enabled: false, kecamatan: [], bidang: [] }) },
  "GET /api/push/key": { expect: ALL(200) },
  "POST /api/push/subscriptions": { expect: SIGNED_IN(400), body: () => ({ endpoint: "http://192.168.1.1/push", keys: { p256dh: "x", auth: "y" } }) },
  "PATCH /api/push/subscriptions": { expect: SIGNED_IN(404), body: () => ({ endpoint: "https://push.example.com/none", lang: "en" }) },
  "DELETE /api/push/subscriptions": { expect: SIGNED_IN(204), body: () => ({ endpoint: "https://push.example.com/none" }) },
  // The wall and kiosk tokens (issue 16): cases in server/test/wall-successes.ts.
  ...WALL_CASES,
  "POST /api/auth/logout": { expect: ALL(204) },
};

/**
 * A kiosk token beside the audiences, decided by rule rather than per case: a kiosk may read what it is
 * granted (the wall: answered as a leader is) and what is public (as the anonymous are), and nothing else
 * — any other method than GET is refused before anything is looked up.
 */
function kioskExpects(key: string, c: Case): number {
  const [method] = key.split(" ") as [string, string];
  const access = API_ROUTES[key as keyof typeof API_ROUTES]?.access;
  if (method !== "GET") return 403;
  if (access === "public") return c.expect.anonymous;
  return access && kioskMay(access) ? c.expect.leader : 403;
}

let t: TestApp;
/** Routes whose 2xx answer was seen and checked against the contract. */
const checked = new Set<string>();
const cookies = new Map<Audience, string | undefined>();
let ctx: Ctx;
let kioskToken: string;

beforeAll(async () => {
  t = await startTestApp();
  cookies.set("anonymous", undefined);
  const accounts = new Map<Audience, TestAccount>();
  for (const role of ["guest", "officer", "verifier", "leader", "admin"] as const) {
    const account = await createAccount(t, role);
    accounts.set(role, account);
    cookies.set(role, await login(t, account));
  }
  let n = 0;
  const photo = "ab".repeat(32);
  const submitted = await t.services.intake.submit(actorOfAccount(accounts.get("officer")!), situationReport({ photos: [photo] }));
  ctx = {
    target: await createAccount(t, "guest"),
    unique: () => `matrix.${Date.now().toString(36)}.${n++}`,
    report: { id: submitted.id, photo },
  };
  kioskToken = (await t.services.kiosks.issue(actorOfAccount(accounts.get("admin")!), "Layar matriks")).token;
});
afterAll(async () => {
  await t.close();
});

describe("access matrix", () => {
  it("has a decision for every registered route, and every decision names a real permission", () => {
    const routes = listRoutes(t.app);
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const r of routes) {
      expect(r.access, `${r.method} ${r.path} has no authorize()/publicAccess()`).toHaveLength(1);
      const access = r.access[0]!;
      expect(access === "public" || access in PERMISSIONS, `${access} is not in PERMISSIONS`).toBe(true);
    }
    const front = keys.filter((k) => !k.includes("/api/") && !k.endsWith("z"));
    const apiKeys = keys.filter((k) => !front.includes(k));
    expect(apiKeys.filter((k) => !(k in CASES)), "routes missing from the matrix test").toEqual([]);
    expect(Object.keys(CASES).filter((k) => !apiKeys.includes(k)), "matrix cases for routes that do not exist").toEqual([]);
  });

  it("registers exactly the routes of the contract table, each with the table's access", () => {
    const registered = listRoutes(t.app).filter((r) => r.path.startsWith("/api/") || r.path.endsWith("z"));
    const keys = registered.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in API_ROUTES)), "routes without a contract entry").toEqual([]);
    expect(Object.keys(API_ROUTES).filter((k) => !keys.includes(k)), "contract entries without a route").toEqual([]);
    const mismatched = registered.filter((r) => r.access[0] !== API_ROUTES[`${r.method} ${r.path}` as keyof typeof API_ROUTES]?.access);
    expect(mismatched.map((r) => `${r.method} ${r.path}: ${r.access.join()}`), "access other than the table's").toEqual([]);
  });

  it("has a decision for every socket event, naming a real permission", () => {
    for (const [event, access] of Object.entries(SOCKET_EVENT_ACCESS))
      expect(access === "public" || access in PERMISSIONS, `${event} → ${access}`).toBe(true);
  });

  for (const [key, c] of Object.entries(CASES)) {
    it(`${key} answers each audience as decided`, async () => {
      const [method, pattern] = key.split(" ") as [string, string];
      const got: Partial<Record<Audience, number>> = {};
      for (const audience of AUDIENCES) {
        const res = await api(t, method, c.path?.(ctx) ?? pattern, { cookie: cookies.get(audience), body: c.body?.(ctx) });
        got[audience] = res.status;
        expect(contractProblems(key, res.status, res.body), `${key} as ${audience}`).toEqual([]);
        if (res.status >= 200 && res.status < 300) checked.add(key);
      }
      expect(got).toEqual(c.expect);
      const kiosk = await api(t, method, c.path?.(ctx) ?? pattern, { headers: { authorization: `Bearer ${kioskToken}` }, body: c.body?.(ctx) });
      expect(contractProblems(key, kiosk.status, kiosk.body), `${key} as a kiosk`).toEqual([]);
      expect(kiosk.status, `${key} as a kiosk`).toBe(kioskExpects(key, c));
    });
  }
});

// Routes the matrix only ever answers with an error (a body it cannot guess right for every audience):
// one real success each, so their answers are checked as well.
describe("answers of routes the matrix never sees succeed", () => {
  for (const [key, succeed] of Object.entries({ ...SUCCESSES, ...KABUPATEN_SUMMARY_SUCCESSES })) {
    it(`${key} answers its contract's shape`, async () => {
      const res = await succeed(t);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      expect(contractProblems(key, res.status, res.body)).toEqual([]);
      checked.add(key);
    });
  }

  it("has checked a success of every JSON route against the contract", () => {
    expect(JSON_ROUTES.filter((k) => !checked.has(k))).toEqual([]);
  });
});
