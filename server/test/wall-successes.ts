import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";

type Answer = { status: number; body: unknown };
type Audience = "anonymous" | "guest" | "officer" | "verifier" | "leader" | "admin";
type Expect = Record<Audience, number>;

const ALL = (status: number): Expect => ({ anonymous: status, guest: status, officer: status, verifier: status, leader: status, admin: status });
const ADMIN_ONLY = (status: number): Expect => ({ ...ALL(403), anonymous: 401, admin: status });
/** The wall's readers: leaders and admins (and kiosk tokens, walked apart in the matrix). */
const WALL_READERS = (status: number): Expect => ({ ...ALL(403), anonymous: 401, leader: status, admin: status });
const NOBODY = "00000000-0000-4000-8000-000000000000";

/** The wall's and the kiosk tokens' access-matrix cases (issue 16). */
export const WALL_CASES = {
  "GET /api/wall": { expect: WALL_READERS(200) },
  "GET /api/wall/changes": { expect: WALL_READERS(200), path: () => "/api/wall/changes?after=0&limit=2" },
  "GET /api/wall/settings": { expect: WALL_READERS(200) },
  "PUT /api/wall/settings": { expect: ADMIN_ONLY(400), body: () => ({}) },
  "GET /api/kiosk-tokens": { expect: ADMIN_ONLY(200) },
  "POST /api/kiosk-tokens": { expect: ADMIN_ONLY(201), body: () => ({ label: "Layar matriks" }) },
  "DELETE /api/kiosk-tokens/:id": { expect: ADMIN_ONLY(404), path: () => `/api/kiosk-tokens/${NOBODY}` },
};

const adminCookie = async (t: TestApp) => login(t, await createAccount(t, "admin"));

/** One success each for the wall's routes whose matrix case only ever sees an error. */
export const WALL_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "PUT /api/wall/settings": async (t) => {
    const cookie = await adminCookie(t);
    const current = await api(t, "GET", "/api/wall/settings", { cookie });
    return api(t, "PUT", "/api/wall/settings", { cookie, body: (current.body as { data: unknown }).data });
  },
  "DELETE /api/kiosk-tokens/:id": async (t) => {
    const cookie = await adminCookie(t);
    const issued = await api(t, "POST", "/api/kiosk-tokens", { cookie, body: { label: "Layar bentuk" } });
    const { id } = (issued.body as { data: { kiosk: { id: string } } }).data.kiosk;
    return api(t, "DELETE", `/api/kiosk-tokens/${id}`, { cookie });
  },
};
