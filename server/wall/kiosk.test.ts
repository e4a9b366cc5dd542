import { createHash } from "node:crypto";
import { QueryTypes } from "sequelize";
import { io as connect } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "@contract/routes.ts";
import { PERMISSIONS } from "../auth/permissions.ts";
import { manualClock } from "../core/clock.ts";
import { api, useAccount } from "../test/accounts.ts";
import { situationReport } from "../test/reports.ts";
import { disconnectedWithin, type ClientSocket } from "../test/sockets.ts";
import { useTestApp } from "../test/test-app.ts";

/**
 * Kiosk tokens: a wall screen's read-only credential. Valid, it reads the wall and nothing else — no
 * write route, no read outside the wall (every route of the contract table is walked). Revoked, its
 * sockets close within 2 s and its next request is a 401.
 */
const clock = manualClock(new Date());
const t = useTestApp({}, { clock });
const admin = useAccount(t, "admin");
const leader = useAccount(t, "leader");
const officer = useAccount(t, "officer");
const sockets: ClientSocket[] = [];
const issuedIds: string[] = [];
const NOBODY = "00000000-0000-4000-8000-000000000000";

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await t.db.sequelize.query(`DELETE FROM reports WHERE author_id = :author`, { replacements: { author: officer.id } });
});

async function issue(label = "Layar uji"): Promise<{ token: string; id: string }> {
  const res = await api(t, "POST", "/api/kiosk-tokens", { cookie: admin.cookie, body: { label } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  issuedIds.push(res.body.data.kiosk.id);
  return { token: res.body.data.token, id: res.body.data.kiosk.id };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function kioskSocket(token: string): Promise<ClientSocket> {
  const socket: ClientSocket = connect(t.baseUrl, { transports: ["websocket"], auth: { kioskToken: token }, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** A concrete path for a route pattern: every parameter filled with something well-formed enough. */
function pathOf(pattern: string): string {
  return pattern
    .replace(":sha256", "ab".repeat(32))
    .replace(":n", "1")
    .replace(":day", "2020-01-02")
    .replace(":name", "rollup-day")
    .replace(/:[A-Za-z]+/g, NOBODY);
}

describe("a kiosk token", () => {
  it("is shown once, stored only as its sha256, and listed without it", async () => {
    const { token, id } = await issue("Layar Puskomin");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await t.db.sequelize.query<Record<string, unknown>>(`SELECT * FROM kiosk_tokens WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT });
    expect(row!.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await api(t, "GET", "/api/kiosk-tokens", { cookie: admin.cookie });
    const listed = (list.body.data as { id: string; prefix: string; label: string }[]).find((k) => k.id === id)!;
    expect(listed).toMatchObject({ label: "Layar Puskomin", prefix: token.slice(0, 6), revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(token);
    const audit = await t.db.sequelize.query(`SELECT action FROM audit_log WHERE target_id = :id`, { replacements: { id }, type: QueryTypes.SELECT });
    expect(audit).toEqual([{ action: "kiosk.issued" }]);
  });

  it("is issued, listed and revoked by admins only", async () => {
    for (const cookie of [leader.cookie, officer.cookie]) {
      expect((await api(t, "POST", "/api/kiosk-tokens", { cookie, body: { label: "x" } })).status).toBe(403);
      expect((await api(t, "GET", "/api/kiosk-tokens", { cookie })).status).toBe(403);
    }
    expect((await api(t, "GET", "/api/kiosk-tokens")).status).toBe(401);
  });

  it("reads the wall over REST and over a socket, with no session", async () => {
    const { token } = await issue();
    for (const path of ["/api/wall", "/api/wall/changes?after=0&limit=5", "/api/wall/settings"]) {
      const res = await api(t, "GET", path, { headers: bearer(token) });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("set-cookie"), path).toBeNull();
    }
    const socket = await kioskSocket(token);
    expect(socket.connected).toBe(true);
  });

  it("notes its use at most once a minute", async () => {
    const { token, id } = await issue();
    const lastUsed = async () =>
      (await t.db.sequelize.query<{ at: Date | null }>(`SELECT last_used_at AS at FROM kiosk_tokens WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT }))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await api(t, "GET", "/api/wall/settings", { headers: bearer(token) });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    clock.advance(30_000);
    await api(t, "GET", "/api/wall/settings", { headers: bearer(token) });
    expect(await lastUsed()).toEqual(first);
    clock.advance(31_000);
    await api(t, "GET", "/api/wall/settings", { headers: bearer(token) });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it("cannot call any route that writes: every non-GET route of the contract answers 401 or 403", async () => {
    const { token } = await issue();
    const writes = Object.keys(API_ROUTES).filter((k) => !k.startsWith("GET "));
    expect(writes.length).toBeGreaterThan(30);
    for (const key of writes) {
      const [method, pattern] = key.split(" ") as [string, string];
      const res = await api(t, method, pathOf(pattern), { headers: bearer(token), body: {} });
      expect([401, 403], `${key} → ${res.status}`).toContain(res.status);
    }
  });

  it("cannot read anything outside the wall: every GET route that is not public or the wall's answers 403", async () => {
    const { token } = await issue();
    const outside = Object.entries(API_ROUTES).filter(([k, spec]) => k.startsWith("GET ") && spec.access !== "public" && spec.access !== "wall.read");
    expect(outside.map(([k]) => k)).toEqual(expect.arrayContaining(["GET /api/reports", "GET /api/reports/:id", "GET /api/alerts", "GET /api/changes", "GET /api/kiosk-tokens"]));
    for (const [key] of outside) {
      const res = await api(t, "GET", pathOf(key.slice(4)), { headers: bearer(token) });
      expect(res.status, key).toBe(403);
    }
    // The wall's routes are the only grants a kiosk holds.
    const grants = Object.entries(PERMISSIONS).filter(([, g]) => "kiosk" in g).map(([action]) => action);
    expect(grants).toEqual(["wall.read"]);
  });

  it("sends nothing over its socket: an event from a kiosk is refused", async () => {
    const { token } = await issue();
    const socket = await kioskSocket(token);
    const ack = await socket.timeout(2_000).emitWithAck("report:submit", situationReport());
    expect(ack).toMatchObject({ error: { code: "forbidden" } });
  });

  it("is refused when unknown or malformed, on REST and on the socket", async () => {
    for (const header of ["Bearer not-a-token-at-all-but-long-enough", "Bearer ", "Bearer a.b.c"]) {
      expect((await api(t, "GET", "/api/wall", { headers: { authorization: header } })).status, header).toBe(401);
    }
    await expect(kioskSocket("x".repeat(43))).rejects.toThrow("unauthenticated");
  });
});

describe("revoking a kiosk token", () => {
  it("closes its sockets within 2 s and answers its next request with 401", async () => {
    const { token, id } = await issue();
    const [a, b] = [await kioskSocket(token), await kioskSocket(token)];
    const other = await issue();
    const bystander = await kioskSocket(other.token);
    const closed = Promise.all([disconnectedWithin(a, 2_000), disconnectedWithin(b, 2_000)]);
    const started = Date.now();
    const res = await api(t, "DELETE", `/api/kiosk-tokens/${id}`, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body.data.revokedAt).not.toBeNull();
    const [msA, msB] = await closed;
    const elapsed = Date.now() - started;
    expect(Math.max(msA, msB)).toBeLessThanOrEqual(2_000);
    expect(elapsed).toBeLessThanOrEqual(2_000);
    expect((await api(t, "GET", "/api/wall", { headers: bearer(token) })).status).toBe(401);
    await expect(kioskSocket(token)).rejects.toThrow("unauthenticated");
    expect(bystander.connected).toBe(true);
    // Revoking again changes nothing, and is audited once.
    expect((await api(t, "DELETE", `/api/kiosk-tokens/${id}`, { cookie: admin.cookie })).body.data.revokedAt).toBe(res.body.data.revokedAt);
    const audit = await t.db.sequelize.query(`SELECT action FROM audit_log WHERE target_id = :id ORDER BY id`, { replacements: { id }, type: QueryTypes.SELECT });
    expect(audit).toEqual([{ action: "kiosk.issued" }, { action: "kiosk.revoked" }]);
  });

  it("revoked elsewhere (another node, by hand in the database): the 1 s re-check closes its sockets within 2 s", async () => {
    const { token, id } = await issue();
    const socket = await kioskSocket(token);
    const closed = disconnectedWithin(socket, 2_000);
    await t.db.sequelize.query(`UPDATE kiosk_tokens SET revoked_at = now() WHERE id = :id`, { replacements: { id } });
    expect(await closed).toBeLessThanOrEqual(2_000);
  });

  it("answers 404 for a token that never was", async () => {
    expect((await api(t, "DELETE", `/api/kiosk-tokens/${NOBODY}`, { cookie: admin.cookie })).status).toBe(404);
  });
});
