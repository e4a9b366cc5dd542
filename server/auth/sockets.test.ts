import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { api, createAccount, login } from "../test/accounts.ts";
import { disconnectedWithin, openSocket, type ClientSocket } from "../test/sockets.ts";
import { reportChange } from "../test/reports.ts";
import { rooms, PUBLIC_NAMESPACE } from "../core/rooms.ts";
import type { ChangeEnvelope } from "@contract/events.ts";

let t: TestApp;
let adminCookie: string;
const open: ClientSocket[] = [];
const track = (s: ClientSocket) => (open.push(s), s);

beforeAll(async () => {
  t = await startTestApp();
  adminCookie = await login(t, await createAccount(t, "admin"));
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

const change = (kode: string): ChangeEnvelope => reportChange(kode);

function collect(socket: ClientSocket): ChangeEnvelope[] {
  const got: ChangeEnvelope[] = [];
  socket.on("report:created", (c) => got.push(c));
  return got;
}

describe("socket handshake", () => {
  it("refuses a socket without a session cookie", async () => {
    await expect(openSocket(t)).rejects.toThrow("unauthenticated");
  });

  it("refuses a socket with a destroyed session", async () => {
    const cookie = await login(t, await createAccount(t, "officer"));
    await api(t, "POST", "/api/auth/logout", { cookie });
    await expect(openSocket(t, { cookie })).rejects.toThrow("unauthenticated");
  });

  it("refuses a foreign Origin even with a valid session", async () => {
    const cookie = await login(t, await createAccount(t, "verifier"));
    await expect(openSocket(t, { cookie, origin: "https://evil.example" })).rejects.toThrow();
    track(await openSocket(t, { cookie, origin: t.baseUrl }));
  });

  it("lets anonymous visitors on the public namespace only", async () => {
    const socket = track(await openSocket(t, { namespace: PUBLIC_NAMESPACE }));
    expect(socket.connected).toBe(true);
  });
});

describe("rooms are chosen by the server from role and region", () => {
  it("delivers verifier events to the kecamatan's verifiers and admins, never to guests or other regions", async () => {
    const halongVerifier = await createAccount(t, "verifier", { verifierRegions: ["63.11.02"] });
    const juaiVerifier = await createAccount(t, "verifier", { verifierRegions: ["63.11.01"] });
    const sockets = {
      halong: track(await openSocket(t, { cookie: await login(t, halongVerifier) })),
      juai: track(await openSocket(t, { cookie: await login(t, juaiVerifier) })),
      guest: track(await openSocket(t, { cookie: await login(t, await createAccount(t, "guest")) })),
      officer: track(await openSocket(t, { cookie: await login(t, await createAccount(t, "officer", { kecamatanKode: "63.11.02" })) })),
      admin: track(await openSocket(t, { cookie: adminCookie })),
      anonymous: track(await openSocket(t, { namespace: PUBLIC_NAMESPACE })),
    };
    const got = Object.fromEntries(Object.entries(sockets).map(([k, s]) => [k, collect(s)]));
    t.io.to(rooms.kecamatanVerifiers("63.11.02")).to(rooms.role("admin")).to(rooms.role("leader")).emit("report:created", change("63.11.02"));
    await new Promise((r) => setTimeout(r, 300));
    expect(got.halong).toHaveLength(1);
    expect(got.admin).toHaveLength(1);
    expect(got.juai).toHaveLength(0);
    expect(got.guest).toHaveLength(0);
    expect(got.officer).toHaveLength(0);
    expect(got.anonymous).toHaveLength(0);
  });
});

describe("ending access closes sockets", () => {
  it("disconnects a disabled user's socket within 2 seconds", async () => {
    const acc = await createAccount(t, "verifier");
    const socket = track(await openSocket(t, { cookie: await login(t, acc) }));
    const gone = disconnectedWithin(socket, 2000);
    const res = await api(t, "PATCH", `/api/users/${acc.id}`, { cookie: adminCookie, body: { active: false } });
    expect(res.status).toBe(200);
    expect(await gone).toBeLessThanOrEqual(2000);
  });

  it("disconnects on logout and on a role change", async () => {
    const a = await createAccount(t, "officer");
    const cookieA = await login(t, a);
    const socketA = track(await openSocket(t, { cookie: cookieA }));
    const goneA = disconnectedWithin(socketA, 2000);
    await api(t, "POST", "/api/auth/logout", { cookie: cookieA });
    expect(await goneA).toBeLessThanOrEqual(2000);

    const b = await createAccount(t, "verifier");
    const socketB = track(await openSocket(t, { cookie: await login(t, b) }));
    const goneB = disconnectedWithin(socketB, 2000);
    await api(t, "PATCH", `/api/users/${b.id}`, { cookie: adminCookie, body: { role: "guest" } });
    expect(await goneB).toBeLessThanOrEqual(2000);
  });

  it("a disabled user's session cannot open a new socket", async () => {
    const acc = await createAccount(t, "leader");
    const cookie = await login(t, acc);
    await api(t, "PATCH", `/api/users/${acc.id}`, { cookie: adminCookie, body: { active: false } });
    await expect(openSocket(t, { cookie })).rejects.toThrow("unauthenticated");
  });
});
