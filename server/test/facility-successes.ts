import sharp from "sharp";
import type { TestApp } from "./test-app.ts";
import { api, createAccount, login } from "./accounts.ts";
import { POINTS } from "./reports.ts";

type Answer = { status: number; body: unknown };
type Audience = "anonymous" | "guest" | "officer" | "verifier" | "leader" | "admin";
type Expect = Record<Audience, number>;

const ALL = (status: number): Expect => ({ anonymous: status, guest: status, officer: status, verifier: status, leader: status, admin: status });
const ADMIN_ONLY = (status: number): Expect => ({ ...ALL(403), anonymous: 401, admin: status });
/** An id no row has. */
const NOBODY = "00000000-0000-4000-8000-000000000000";
let n = 0;
const unique = () => `Matriks fasilitas ${Date.now().toString(36)}.${n++}`;

/**
 * The access-matrix cases of the facility routes (issue 14): admins only for writes and the admin list,
 * anyone for the public list and photos. Ids nobody has answer 404 to admins; the successes below.
 */
export const FACILITY_CASES = {
  "GET /api/facilities": { expect: ADMIN_ONLY(200) },
  "POST /api/facilities": { expect: ADMIN_ONLY(201), body: () => ({ type: "lainnya", name: unique(), location: POINTS.paringin }) },
  "POST /api/facilities/import": { expect: ADMIN_ONLY(200), body: () => ({ csv: "nama,jenis,lat,lon\n", dryRun: true }) },
  "PATCH /api/facilities/:id": { expect: ADMIN_ONLY(404), path: () => `/api/facilities/${NOBODY}`, body: () => ({ version: 1 }) },
  "DELETE /api/facilities/:id": { expect: ADMIN_ONLY(404), path: () => `/api/facilities/${NOBODY}` },
  "PUT /api/facilities/:id/photo": { expect: ADMIN_ONLY(404), path: () => `/api/facilities/${NOBODY}/photo` },
  "GET /api/public/facilities": { expect: ALL(200) },
  "GET /api/public/facilities/:id/photo": { expect: ALL(404), path: () => `/api/public/facilities/${NOBODY}/photo` },
};

/** A facility of its own for each success, made by a fresh admin. */
async function matrixFacility(t: TestApp): Promise<{ cookie: string; id: string; version: number }> {
  const cookie = await login(t, await createAccount(t, "admin"));
  const res = await api(t, "POST", "/api/facilities", { cookie, body: { type: "sekolah", name: unique(), location: POINTS.juai } });
  const data = (res.body as { data: { id: string; version: number } }).data;
  return { cookie, id: data.id, version: data.version };
}

/** One success each for the facility routes whose matrix case only sees an error. */
export const FACILITY_SUCCESSES: Record<string, (t: TestApp) => Promise<Answer>> = {
  "PATCH /api/facilities/:id": async (t) => {
    const f = await matrixFacility(t);
    return api(t, "PATCH", `/api/facilities/${f.id}`, { cookie: f.cookie, body: { contact: "0526-111", version: f.version } });
  },
  "DELETE /api/facilities/:id": async (t) => {
    const f = await matrixFacility(t);
    return api(t, "DELETE", `/api/facilities/${f.id}`, { cookie: f.cookie });
  },
  "PUT /api/facilities/:id/photo": async (t) => {
    const f = await matrixFacility(t);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 60 } } }).jpeg().toBuffer();
    const res = await fetch(`${t.baseUrl}/api/facilities/${f.id}/photo`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: f.cookie }, body: new Uint8Array(photo) });
    return { status: res.status, body: await res.json() };
  },
};
