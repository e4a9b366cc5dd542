import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Ack, ChangeEnvelope } from "@contract/events.ts";
import type { SubmitReportRaw } from "@contract/reports.ts";
import { startTestApp, type TestApp } from "../test/test-app.ts";
import { createAccount, login } from "../test/accounts.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";
import { reportChange } from "../test/reports.ts";
import { rooms } from "./rooms.ts";

const MAX_SOCKETS = 3;
/** Events a second per user; the burst is twice that. */
const RATE = 5;

let t: TestApp;
const open: ClientSocket[] = [];
const track = (s: ClientSocket) => (open.push(s), s);

beforeAll(async () => {
  t = await startTestApp({ SOCKET_MAX_PER_USER: String(MAX_SOCKETS), SOCKET_EVENTS_PER_SECOND: String(RATE) });
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const officerCookie = async () => login(t, await createAccount(t, "officer"));
const openFor = async (cookie: string, n: number) => {
  const sockets: ClientSocket[] = [];
  for (let i = 0; i < n; i++) sockets.push(track(await openSocket(t, { cookie })));
  return sockets;
};
/** An invalid report on purpose (hence the cast): answered at once without touching the database, unless the rate limit answers first. */
const submit = (socket: ClientSocket) => new Promise<Ack<unknown>>((resolve) => socket.emit("report:submit", {} as SubmitReportRaw, resolve));
const rateLimited = (acks: Ack<unknown>[]) => acks.filter((a) => "error" in a && a.error.code === "too_many_requests").length;

const change: ChangeEnvelope = reportChange();

describe("sockets per user", () => {
  it("tells a user's oldest socket it is displaced, then closes it, when one more than the limit connects", async () => {
    const bystander = track(await openSocket(t, { cookie: await officerCookie() }));
    const cookie = await officerCookie();
    const sockets = await openFor(cookie, MAX_SOCKETS);
    const oldest: string[] = [];
    sockets[0]!.on("session:displaced", (n) => oldest.push(`displaced ${n.reason} ${n.limit}`));
    sockets[0]!.on("disconnect", (reason) => oldest.push(`disconnect ${reason}`));

    sockets.push(track(await openSocket(t, { cookie })));
    await vi.waitFor(() => expect(oldest).toHaveLength(2));

    // "io server disconnect": socket.io-client does not reconnect by itself, so tabs do not take turns.
    expect(oldest).toEqual([`displaced too_many_sockets ${MAX_SOCKETS}`, "disconnect io server disconnect"]);
    await pause(100);
    expect(sockets.map((s) => s.connected)).toEqual([false, ...Array(MAX_SOCKETS).fill(true)]);
    expect(bystander.connected).toBe(true);
  });

  it("delivers a broadcast to a user at most the limit's number of times, however many sockets they open at once", async () => {
    const acc = await createAccount(t, "officer");
    const cookie = await login(t, acc);
    const sockets = (await Promise.all(Array.from({ length: 20 }, () => openSocket(t, { cookie })))).map(track);
    let received = 0;
    for (const s of sockets) s.on("report:created", () => received++);
    await vi.waitFor(() => expect(sockets.filter((s) => s.connected)).toHaveLength(MAX_SOCKETS));

    t.io.to(rooms.user(acc.id)).emit("report:created", change);
    await pause(300);
    expect(received).toBe(MAX_SOCKETS);
  });
});

describe("event rate per user", () => {
  it("answers too_many_requests once a user's budget is spent over all their sockets, and not to another user", async () => {
    const mine = await openFor(await officerCookie(), MAX_SOCKETS);
    const acks = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(mine[i % MAX_SOCKETS]!)));
    // One bucket of 2 × RATE for the user (a token may refill while they arrive); per socket all 30 would pass.
    const passed = acks.length - rateLimited(acks);
    expect(passed).toBeGreaterThanOrEqual(2 * RATE);
    expect(passed).toBeLessThanOrEqual(2 * RATE + 1);

    const theirs = track(await openSocket(t, { cookie: await officerCookie() }));
    const theirAcks = await Promise.all(Array.from({ length: RATE }, () => submit(theirs)));
    expect(rateLimited(theirAcks)).toBe(0);
    expect(theirAcks.every((a) => "error" in a && a.error.code === "invalid_input")).toBe(true);
  });

  it("keeps a spent budget when the user closes every socket and opens a new one", async () => {
    const cookie = await officerCookie();
    const [first] = await openFor(cookie, 1);
    await Promise.all(Array.from({ length: 2 * RATE }, () => submit(first!)));
    const id = first!.id!;
    first!.close();
    await vi.waitFor(() => expect(t.io.of("/").sockets.has(id)).toBe(false));

    const [again] = await openFor(cookie, 1);
    const acks = await Promise.all(Array.from({ length: RATE }, () => submit(again!)));
    // A fresh bucket would pass all of them; the old one has refilled a token or so since.
    expect(rateLimited(acks)).toBeGreaterThanOrEqual(RATE - 2);
  });
});
