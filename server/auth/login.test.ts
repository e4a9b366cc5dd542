import { describe, expect, it } from "vitest";
import { QueryTypes } from "sequelize";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, loopbackAddress, unknownUsername } from "../test/accounts.ts";

/** The default: no proxy trusted, so the address is the peer's own whatever X-Forwarded-* say. */
const t = useTestApp({ LOGIN_MAX_FAILURES_PER_IP_DAY: "25" });
/** Behind a proxy on loopback (TRUST_PROXY=loopback): X-Forwarded-* are believed. */
const behindProxy = useTestApp({ LOGIN_MAX_FAILURES_PER_IP_DAY: "25", TRUST_PROXY: "loopback" });

const wrong = (username: string) => ({ username, password: "bad-password-1" });
const creds = (acc: { username: string; password: string }) => ({ username: acc.username, password: acc.password });

describe("login and sessions", () => {
  it("answers 401 with one message for a wrong password and an unknown user", async () => {
    const acc = await createAccount(t, "officer");
    const from = loopbackAddress();
    const badPassword = await api(t, "POST", "/api/auth/login", { from, body: wrong(acc.username) });
    const unknown = await api(t, "POST", "/api/auth/login", { from, body: wrong(unknownUsername("nobody")) });
    expect(badPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(badPassword.body).toEqual(unknown.body);
    expect(badPassword.body.error.code).toBe("unauthenticated");
  });

  it("sets an HttpOnly SameSite=Lax cookie, Secure behind an HTTPS proxy, and a new session id at each login", async () => {
    const t = behindProxy;
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

  it("believes X-Forwarded-Proto only from a trusted proxy: no Secure cookie for a direct client claiming HTTPS", async () => {
    const acc = await createAccount(t, "verifier");
    const res = await api(t, "POST", "/api/auth/login", { headers: { "x-forwarded-proto": "https" }, body: creds(acc) });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).not.toMatch(/Secure/i);
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
});

describe("request guards", () => {
  it("refuses cross-site state changes by Sec-Fetch-Site and by Origin", async () => {
    const body = { username: unknownUsername("x"), password: "y" };
    const from = loopbackAddress();
    const crossSite = await api(t, "POST", "/api/auth/login", { from, body, headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    const foreign = await api(t, "POST", "/api/auth/login", { from, body, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const own = await api(t, "POST", "/api/auth/login", { from, body, headers: { "sec-fetch-site": "same-origin", origin: t.baseUrl } });
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
