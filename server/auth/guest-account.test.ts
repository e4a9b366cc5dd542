import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";

/** Two registrations an hour per address here, so the third is the one refused. */
const t = useTestApp({ REGISTRATIONS_PER_IP_HOUR: "2" });
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const PASSWORD = "Warga-balangan-1";
const tag = () => randomUUID().slice(0, 8);
/** A loopback address of its own per test: the brake counts per address, in a database other suites share. */
const ownAddress = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

const register = (body: Record<string, unknown>, from = ownAddress()) =>
  api(t, "POST", "/api/auth/register", { body: { displayName: "Warga Paringin", password: PASSWORD, consent: true, ...body }, from });
const login = (username: string, password = PASSWORD) => api(t, "POST", "/api/auth/login", { body: { username, password } });
const cookieOf = (res: { headers: Headers }) => res.headers.get("set-cookie")!.split(";")[0]!;

describe("guest self-registration", () => {
  it("takes an e-mail address, signs in with it in any case, active at once", async () => {
    const email = `Warga.${tag()}@Contoh.ID`;
    const res = await register({ contact: email });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data).toMatchObject({ role: "guest", username: email.toLowerCase() });
    expect((await login(email.toUpperCase())).status).toBe(200);
  });

  it("takes a phone number, one account whichever way it is written", async () => {
    const digits = String(randomInt(10_000_000, 99_999_999));
    const res = await register({ contact: `0812 ${digits.slice(0, 4)}-${digits.slice(4)}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.username).toBe(`62812${digits}`);
    expect(res.body.data.phone).toBe(`+62812${digits}`);
    expect((await login(`+62 812 ${digits}`)).status).toBe(200);
    const again = await register({ contact: `+62812${digits}` });
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toHaveProperty("contact");
  });

  it("needs consent and a real contact, and never makes anything but a guest", async () => {
    const noConsent = await register({ contact: `a${tag()}@contoh.id`, consent: false });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.fields).toHaveProperty("consent");
    for (const contact of ["bukan kontak", "12", "a@b", `${"9".repeat(20)}`]) {
      const res = await register({ contact });
      expect(res.status, contact).toBe(400);
      expect(res.body.error.fields, contact).toHaveProperty("contact");
    }
    const sneaky = await register({ contact: `b${tag()}@contoh.id`, role: "admin", kecamatanKode: "63.11.06" });
    expect(sneaky.status).toBe(201);
    expect(sneaky.body.data).toMatchObject({ role: "guest", kecamatanKode: null });
  });

  it("is throttled per address: the third in an hour is refused with when to try again, other addresses unaffected", async () => {
    const from = ownAddress();
    expect((await register({ contact: `c${tag()}@contoh.id` }, from)).status).toBe(201);
    expect((await register({ contact: `d${tag()}@contoh.id` }, from)).status).toBe(201);
    const third = await register({ contact: `e${tag()}@contoh.id` }, from);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("too_many_requests");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await register({ contact: `f${tag()}@contoh.id` })).status).toBe(201);
  });
});

describe("a guest deletes their own account", () => {
  it("asks for the password, then ends every session and the account", async () => {
    const email = `hapus.${tag()}@contoh.id`;
    const made = await register({ contact: email });
    const cookie = cookieOf(made);
    const other = cookieOf(await login(email));

    const wrong = await api(t, "DELETE", "/api/auth/me", { cookie, body: { password: "salah-sandi-123" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty("password");

    expect((await api(t, "DELETE", "/api/auth/me", { cookie, body: { password: PASSWORD } })).status).toBe(204);
    expect((await api(t, "GET", "/api/auth/me", { cookie })).status).toBe(401);
    expect((await api(t, "GET", "/api/auth/me", { cookie: other })).status).toBe(401);
    expect((await login(email)).status).toBe(401);
  });

  it("refuses staff: their accounts are closed by an admin", async () => {
    const res = await api(t, "DELETE", "/api/auth/me", { cookie: officer.cookie, body: { password: "whatever-it-is" } });
    expect(res.status).toBe(403);
    expect((await api(t, "GET", "/api/auth/me", { cookie: officer.cookie })).status).toBe(200);
  });
});
