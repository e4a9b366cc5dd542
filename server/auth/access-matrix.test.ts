import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Audience } from "@contract/auth.ts";
import { AUDIENCES } from "@contract/auth.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login, type TestAccount } from "../test/accounts.ts";
import { listRoutes } from "../test/routes.ts";
import { actorOfAccount, situationReport } from "../test/reports.ts";
import { PERMISSIONS } from "./permissions.ts";
import { SOCKET_EVENT_ACCESS } from "./socket-access.ts";

/**
 * Every route × every audience → the status it must answer. A route registered on the app but missing
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

const CASES: Record<string, Case> = {
  "GET /healthz": { expect: ALL(200) },
  "GET /readyz": { expect: ALL(200) },
  "GET /api/config": { expect: ALL(200) },
  "GET /api/regions": { expect: ALL(200) },
  "GET /api/regions/locate": { expect: ALL(200), path: () => "/api/regions/locate?lat=-2.3217&lng=115.4584" },
  "POST /api/auth/login": { expect: ALL(400), body: () => ({}) },
  "POST /api/auth/register": { expect: ALL(400), body: () => ({ username: "x" }) },
  "GET /api/auth/me": { expect: SIGNED_IN(200) },
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
  // Validation runs after the permission check: deciders get 400 for the missing version, nothing changes.
  "POST /api/reports/:id/status": {
    expect: { ...ALL(403), anonymous: 401, verifier: 400, admin: 400 },
    path: (c) => `/api/reports/${c.report.id}/status`,
    body: () => ({ status: "verified" }),
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
  // Last: it ends the session used for the others.
  "POST /api/auth/logout": { expect: ALL(204) },
};

let t: TestApp;
const cookies = new Map<Audience, string | undefined>();
let ctx: Ctx;

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
      }
      expect(got).toEqual(c.expect);
    });
  }
});
