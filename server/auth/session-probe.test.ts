import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";

const t = useTestApp();

/** `GET /api/auth/session`: the public pages' probe, which answers who is signed in without a 401. */
describe("session probe", () => {
  it("answers null to an anonymous visitor, with 200 and nothing a cache may keep", async () => {
    const res = await api(t, "GET", "/api/auth/session");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: null });
    expect(res.headers.get("cache-control")).toBe("no-store");
    // /me keeps its meaning for callers outside the repo.
    expect((await api(t, "GET", "/api/auth/me")).status).toBe(401);
  });

  it("answers the signed-in user exactly as /me does", async () => {
    const account = await createAccount(t, "verifier");
    const cookie = await login(t, account);
    const probe = await api(t, "GET", "/api/auth/session", { cookie });
    const me = await api(t, "GET", "/api/auth/me", { cookie });
    expect(probe.status).toBe(200);
    expect(probe.body).toEqual(me.body);
    expect(probe.body.data).toMatchObject({ id: account.id, username: account.username, role: "verifier" });
  });

  it("answers null, not a 401, once the session has ended: logged out or the account disabled", async () => {
    const loggedOut = await login(t, await createAccount(t, "guest"));
    expect((await api(t, "POST", "/api/auth/logout", { cookie: loggedOut })).status).toBe(204);
    expect(await api(t, "GET", "/api/auth/session", { cookie: loggedOut })).toMatchObject({ status: 200, body: { data: null } });

    const officer = await createAccount(t, "officer");
    const cookie = await login(t, officer);
    const admin = await login(t, await createAccount(t, "admin"));
    expect((await api(t, "PATCH", `/api/users/${officer.id}`, { cookie: admin, body: { active: false } })).status).toBe(200);
    expect(await api(t, "GET", "/api/auth/session", { cookie })).toMatchObject({ status: 200, body: { data: null } });
    expect((await api(t, "GET", "/api/auth/me", { cookie })).status).toBe(401);
  });
});
