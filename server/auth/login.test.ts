import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryTypes } from "sequelize";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP_DAY: "25" });
});
afterAll(async () => {
  await t.close();
});

const fromIp = (ip: string) => ({ "x-forwarded-for": ip });
let ipCounter = 1;
const freshIp = () => `10.9.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`;

describe("login and sessions", () => {
  it("answers 401 with one message for a wrong password and an unknown user", async () => {
    const acc = await createAccount(t, "officer");
    const wrong = await api(t, "POST", "/api/auth/login", { body: { username: acc.username, password: "nope-nope-nope" } });
    const unknown = await api(t, "POST", "/api/auth/login", { body: { username: "nobody.here", password: "nope-nope-nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("unauthenticated");
  });

  it("sets an HttpOnly SameSite=Lax cookie, Secure behind HTTPS, and a new session id at each login", async () => {
    const acc = await createAccount(t, "verifier");
    const first = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: JSON.stringify({ username: acc.username, password: acc.password }),
    });
    const setCookie = first.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/i);
    const cookieA = setCookie.split(";")[0]!;
    const again = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookieA },
      body: JSON.stringify({ username: acc.username, password: acc.password }),
    });
    const cookieB = again.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookieB).not.toBe(cookieA);
    expect((await api(t, "GET", "/api/auth/me", { cookie: cookieA })).status).toBe(401);
    expect((await api(t, "GET", "/api/auth/me", { cookie: cookieB })).status).toBe(200);
  });

  it("logout destroys the session", async () => {
    const cookie = await login(t, await createAccount(t, "guest"));
    expect((await api(t, "GET", "/api/auth/me", { cookie })).status).toBe(200);
    expect((await api(t, "POST", "/api/auth/logout", { cookie })).status).toBe(204);
    expect((await api(t, "GET", "/api/auth/me", { cookie })).status).toBe(401);
  });

  it("ends a session past the absolute limit however active it was", async () => {
    const cookie = await login(t, await createAccount(t, "leader"));
    const sid = decodeURIComponent(cookie.split("=")[1]!).slice(2).split(".")[0]!;
    await t.db.sequelize.query(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{loginAt}', to_jsonb(0))::json WHERE sid = :sid`,
      { replacements: { sid } },
    );
    expect((await api(t, "GET", "/api/auth/me", { cookie })).status).toBe(401);
  });

  it("blocks a username+IP for 15 minutes after 10 consecutive failures, even with the right password", async () => {
    const acc = await createAccount(t, "officer");
    const headers = fromIp(freshIp());
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await api(t, "POST", "/api/auth/login", { headers, body: { username: acc.username, password: `bad-${i}-xxxxx` } })).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[9]).toBe(429);
    const right = await api(t, "POST", "/api/auth/login", { headers, body: { username: acc.username, password: acc.password } });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe("too_many_requests");
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    // Another IP is not affected: the block is per username+IP, so an attacker cannot lock officers out.
    const elsewhere = await api(t, "POST", "/api/auth/login", { headers: fromIp(freshIp()), body: { username: acc.username, password: acc.password } });
    expect(elsewhere.status).toBe(200);
  });

  it("caps failures per IP per day across usernames", async () => {
    const headers = fromIp(freshIp());
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 40) {
      attempts++;
      status = (await api(t, "POST", "/api/auth/login", { headers, body: { username: `spray${attempts}`, password: "guess-guess-1" } })).status;
    }
    expect(status).toBe(429);
    expect(attempts).toBe(25);
  });

  it("stores only argon2id hashes with m ≥ 19456 KiB, t ≥ 2, p = 1", async () => {
    await createAccount(t, "admin");
    const rows = await t.db.sequelize.query<{ password_hash: string }>("SELECT password_hash FROM users", { type: QueryTypes.SELECT });
    expect(rows.length).toBeGreaterThan(0);
    for (const { password_hash } of rows) {
      const [, algorithm, version, params] = password_hash.split("$");
      expect(algorithm).toBe("argon2id");
      expect(version).toBe("v=19");
      const p = Object.fromEntries(params!.split(",").map((kv) => kv.split("=") as [string, string]));
      expect(Number(p.m)).toBeGreaterThanOrEqual(19456);
      expect(Number(p.t)).toBeGreaterThanOrEqual(2);
      expect(Number(p.p)).toBe(1);
    }
  });

  it("records logins and failures in the audit log with IP", async () => {
    const acc = await createAccount(t, "guest");
    const ip = freshIp();
    await api(t, "POST", "/api/auth/login", { headers: fromIp(ip), body: { username: acc.username, password: "wrong-wrong-1" } });
    await api(t, "POST", "/api/auth/login", { headers: fromIp(ip), body: { username: acc.username, password: acc.password } });
    const rows = await t.db.sequelize.query<{ action: string; ip: string }>(
      "SELECT action, ip FROM audit_log WHERE actor_username = :u ORDER BY id",
      { replacements: { u: acc.username }, type: QueryTypes.SELECT },
    );
    expect(rows).toEqual([
      { action: "login.failure", ip },
      { action: "login.success", ip },
    ]);
    await expect(t.db.sequelize.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });
});

describe("request guards", () => {
  it("refuses cross-site state changes by Sec-Fetch-Site and by Origin", async () => {
    const body = { username: "x", password: "y" };
    const crossSite = await api(t, "POST", "/api/auth/login", { body, headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    const foreign = await api(t, "POST", "/api/auth/login", { body, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const own = await api(t, "POST", "/api/auth/login", { body, headers: { "sec-fetch-site": "same-origin", origin: t.baseUrl } });
    expect(own.status).toBe(401);
  });

  it("sends a CSP without unsafe-inline scripts and forbids framing", async () => {
    const res = await fetch(`${t.baseUrl}/api/config`);
    const csp = res.headers.get("content-security-policy")!;
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("refuses oversized bodies with 413 and malformed JSON with 400", async () => {
    const big = await api(t, "POST", "/api/auth/login", { body: { username: "a", password: "x".repeat(300_000) } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    const res = await fetch(`${t.baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(res.status).toBe(400);
  });
});
