import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";

/** TRUST_PROXY left at its default: nobody's X-Forwarded-* are believed. */
let direct: TestApp;
/** The test client connects from 127.0.0.1, so `loopback` makes it a trusted proxy. */
let behindProxy: TestApp;
const open: ClientSocket[] = [];

beforeAll(async () => {
  direct = await startTestApp();
  behindProxy = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  for (const s of open) s.close();
  await direct.close();
  await behindProxy.close();
});

const EVIL = "http://evil.example";
const forwardedHost = { "x-forwarded-host": "evil.example" };
/** Empty credentials: past the origin check a login answers 400 without touching the throttle. */
const postLogin = (t: TestApp) => api(t, "POST", "/api/auth/login", { headers: { origin: EVIL, ...forwardedHost }, body: {} });
const socketCookie = async (t: TestApp) => login(t, await createAccount(t, "verifier"));

describe("X-Forwarded-Host in the origin check", () => {
  it("is ignored by default: a foreign Origin naming itself there is refused on REST with 403", async () => {
    const res = await postLogin(direct);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("is ignored by default on the socket handshake too", async () => {
    const cookie = await socketCookie(direct);
    await expect(openSocket(direct, { cookie, origin: EVIL, headers: forwardedHost })).rejects.toThrow();
  });

  it("names the host when the peer is a trusted proxy (TRUST_PROXY=loopback), on REST and sockets alike", async () => {
    const res = await postLogin(behindProxy);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    const socket = await openSocket(behindProxy, { cookie: await socketCookie(behindProxy), origin: EVIL, headers: forwardedHost });
    open.push(socket);
    expect(socket.connected).toBe(true);
  });
});
