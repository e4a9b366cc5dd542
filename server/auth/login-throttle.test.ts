import { describe, expect, it } from "vitest";
import { QueryTypes } from "sequelize";
import { useTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, loopbackAddress, unknownUsername } from "../test/accounts.ts";

/** The default: no proxy trusted, so the address is the peer's own whatever X-Forwarded-For says. */
const t = useTestApp({ LOGIN_MAX_FAILURES_PER_IP_DAY: "25" });
/** Behind a proxy on loopback (TRUST_PROXY=loopback): the forwarded client address counts. */
const behindProxy = useTestApp({ LOGIN_MAX_FAILURES_PER_IP_DAY: "25", TRUST_PROXY: "loopback" });

const forwardedFor = (ip: string) => ({ "x-forwarded-for": ip });
// Random per run: throttle rows outlive a run on a kept database, and a blocked address stays so for a day.
const ipBase = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
let ipCounter = 0;
const freshIp = () => `${ipBase}.${1 + (ipCounter++ % 254)}`;
const wrong = (username: string, i = 0) => ({ username, password: `bad-${i}-xxxxx` });
const creds = (acc: { username: string; password: string }) => ({ username: acc.username, password: acc.password });

describe("login throttling", () => {
  it("blocks a username for 15 minutes after 10 consecutive failures from any addresses, even with the right password", async () => {
    const acc = await createAccount(t, "officer");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await api(t, "POST", "/api/auth/login", { from: loopbackAddress(), body: wrong(acc.username, i) })).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[9]).toBe(429);
    // A fresh address does not help: the guesses are counted against the account, not the guesser.
    const right = await api(t, "POST", "/api/auth/login", { from: loopbackAddress(), body: creds(acc) });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe("too_many_requests");
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
  });

  it("counts only consecutive failures: a successful login clears the username's count", async () => {
    const acc = await createAccount(t, "officer");
    const from = loopbackAddress();
    const fail9 = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) statuses.push((await api(t, "POST", "/api/auth/login", { from, body: wrong(acc.username, i) })).status);
      return statuses;
    };
    expect(await fail9()).toEqual(Array(9).fill(401));
    expect((await api(t, "POST", "/api/auth/login", { from, body: creds(acc) })).status).toBe(200);
    expect(await fail9()).toEqual(Array(9).fill(401));
    expect((await api(t, "POST", "/api/auth/login", { from, body: creds(acc) })).status).toBe(200);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy: rotating it still ends in 429", async () => {
    const acc = await createAccount(t, "officer");
    const from = loopbackAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await api(t, "POST", "/api/auth/login", { from, headers: forwardedFor(freshIp()), body: wrong(acc.username, i) })).status);
    expect(statuses).toEqual([...Array(9).fill(401), 429, 429]);
    const right = await api(t, "POST", "/api/auth/login", { from, headers: forwardedFor(freshIp()), body: creds(acc) });
    expect(right.status).toBe(429);
  });

  it("caps failures per address per day across usernames, whatever X-Forwarded-For says", async () => {
    const from = loopbackAddress();
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 40) {
      attempts++;
      const res = await api(t, "POST", "/api/auth/login", { from, headers: forwardedFor(freshIp()), body: wrong(unknownUsername("spray")) });
      status = res.status;
    }
    expect(status).toBe(429);
    expect(attempts).toBe(25);
  });

  it("behind a trusted proxy, keeps a blocked username blocked from a new forwarded address", async () => {
    const acc = await createAccount(behindProxy, "officer");
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await api(behindProxy, "POST", "/api/auth/login", { headers: forwardedFor(freshIp()), body: wrong(acc.username, i) })).status);
    expect(statuses).toEqual([...Array(9).fill(401), 429]);
    const right = await api(behindProxy, "POST", "/api/auth/login", { headers: forwardedFor(freshIp()), body: creds(acc) });
    expect(right.status).toBe(429);
  });

  it("behind a trusted proxy, caps the forwarded client's address per day, not the proxy's", async () => {
    const proxy = loopbackAddress();
    const client = forwardedFor(freshIp());
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts < 40) {
      attempts++;
      status = (await api(behindProxy, "POST", "/api/auth/login", { from: proxy, headers: client, body: wrong(unknownUsername("spray")) })).status;
    }
    expect(attempts).toBe(25);
    const acc = await createAccount(behindProxy, "guest");
    const otherClient = await api(behindProxy, "POST", "/api/auth/login", { from: proxy, headers: forwardedFor(freshIp()), body: creds(acc) });
    expect(otherClient.status).toBe(200);
  });
});

describe("the address in the audit log", () => {
  async function auditedAddresses(app: TestApp, username: string) {
    return app.db.sequelize.query<{ action: string; ip: string }>(
      "SELECT action, ip FROM audit_log WHERE actor_username = :u ORDER BY id",
      { replacements: { u: username }, type: QueryTypes.SELECT },
    );
  }

  it("records logins and failures in the audit log with the peer's own address when no proxy is trusted", async () => {
    const acc = await createAccount(t, "guest");
    const from = loopbackAddress();
    const spoofed = forwardedFor("203.0.113.50");
    await api(t, "POST", "/api/auth/login", { from, headers: spoofed, body: wrong(acc.username) });
    await api(t, "POST", "/api/auth/login", { from, headers: spoofed, body: creds(acc) });
    expect(await auditedAddresses(t, acc.username)).toEqual([
      { action: "login.failure", ip: from },
      { action: "login.success", ip: from },
    ]);
    await expect(t.db.sequelize.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });

  it("records the forwarded client address behind a trusted proxy", async () => {
    const acc = await createAccount(behindProxy, "guest");
    const ip = freshIp();
    await api(behindProxy, "POST", "/api/auth/login", { headers: forwardedFor(ip), body: wrong(acc.username) });
    await api(behindProxy, "POST", "/api/auth/login", { headers: forwardedFor(ip), body: creds(acc) });
    expect(await auditedAddresses(behindProxy, acc.username)).toEqual([
      { action: "login.failure", ip },
      { action: "login.success", ip },
    ]);
  });
});
