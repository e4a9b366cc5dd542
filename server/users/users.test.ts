import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";

let t: TestApp;
let admin: string;
let adminId: string;
beforeAll(async () => {
  t = await startTestApp();
  const acc = await createAccount(t, "admin");
  adminId = acc.id;
  admin = await login(t, acc);
});
afterAll(async () => {
  await t.close();
});

const unique = () => `u${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

describe("user administration", () => {
  it("issues an officer with a one-time password that must be changed, then works with the new one", async () => {
    const username = unique();
    const created = await api(t, "POST", "/api/users", {
      cookie: admin,
      body: { username, displayName: "Budi", role: "officer", kecamatanKode: "63.11.04", position: "Agen Informasi", nip: "199001012020011001" },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.oneTimePassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(created.body.data.user).toMatchObject({ username, role: "officer", kecamatanKode: "63.11.04", mustChangePassword: true });
    expect(JSON.stringify(created.body.data.user)).not.toContain("argon2");

    const cookie = await login(t, { username, password: created.body.data.oneTimePassword });
    const me = await api(t, "GET", "/api/auth/me", { cookie });
    expect(me.body.data.mustChangePassword).toBe(true);
    const changed = await api(t, "POST", "/api/auth/password", {
      cookie,
      body: { currentPassword: created.body.data.oneTimePassword, newPassword: "Budi-baru-2026" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.mustChangePassword).toBe(false);
    await login(t, { username, password: "Budi-baru-2026" });
  });

  it("explains bad input per field and never creates a half account", async () => {
    const res = await api(t, "POST", "/api/users", {
      cookie: admin,
      body: { username: "A B", displayName: "", role: "officer", nip: "123" },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["displayName", "kecamatanKode", "nip", "username"]);
    const taken = await api(t, "POST", "/api/users", { cookie: admin, body: { username: "admin_dup_" + unique(), displayName: "x", role: "guest" } });
    const again = await api(t, "POST", "/api/users", { cookie: admin, body: { username: taken.body.data.user.username, displayName: "y", role: "guest" } });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.username).toMatch(/in use/);
  });

  it("refuses a username that sign-in would read as a phone number, and keeps plain digits that it reads as they are", async () => {
    for (const username of ["08123456789", "0812-3456-789", "0812.3456.7890"]) {
      const res = await api(t, "POST", "/api/users", { cookie: admin, body: { username, displayName: "Nomor", role: "leader" } });
      expect(res.status, username).toBe(400);
      expect(res.body.error.fields.username).toMatch(/phone number/);
    }
    // Eight digits not starting with 0 read as themselves: such an account can sign in.
    const digits = String(Date.now()).slice(-9).replace(/^0/, "1");
    const made = await api(t, "POST", "/api/users", { cookie: admin, body: { username: digits, displayName: "Angka", role: "leader", password: "Angka-Angka-2026" } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await login(t, { username: digits, password: "Angka-Angka-2026" });
  });

  it("resets a password: old sessions end, the one-time password works", async () => {
    const acc = await createAccount(t, "verifier");
    const old = await login(t, acc);
    const reset = await api(t, "POST", `/api/users/${acc.id}/reset-password`, { cookie: admin });
    expect(reset.status).toBe(200);
    expect((await api(t, "GET", "/api/auth/me", { cookie: old })).status).toBe(401);
    await expect(login(t, acc)).rejects.toThrow();
    await login(t, { username: acc.username, password: reset.body.data.oneTimePassword });
  });

  it("searches and filters users", async () => {
    const acc = await createAccount(t, "officer", { kecamatanKode: "63.11.08" });
    const res = await api(t, "GET", `/api/users?q=${acc.username}&role=officer&kecamatan=63.11.08`, { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body.data.map((u: { id: string }) => u.id)).toEqual([acc.id]);
    expect(res.body.page).toEqual({ total: 1, next: null });
  });

  it("will not let an admin disable or demote themself", async () => {
    const res = await api(t, "PATCH", `/api/users/${adminId}`, { cookie: admin, body: { active: false } });
    expect(res.status).toBe(409);
  });

  it("lets guests register themselves, as guests only", async () => {
    const username = unique();
    const res = await api(t, "POST", "/api/auth/register", {
      body: { username, displayName: "Warga", password: "Warga-balangan-1", role: "admin", consent: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.role).toBe("guest");
  });
});
