import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PushPayload } from "@contract/notifications.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, useAccount } from "../test/accounts.ts";
import { POINTS, situationReport } from "../test/reports.ts";
import { submitAs, verifyAs } from "../test/incidents.ts";
import { browserKeys, decryptPush, startPushService, verifiedVapidClaims, type BrowserKeys } from "../test/push-service.ts";
import { getPushSubscriptionsOf } from "./push.repo.ts";
import { getQueuedPushes } from "./push-queue.repo.ts";
import { createPushSender } from "./push-sender.ts";
import { createPushWorker } from "./push.worker.ts";
import { getVapidKeys } from "./push.repo.ts";
import { systemClock } from "../core/clock.ts";
import { createLogger } from "../core/logger.ts";

const HALONG = "63.11.02";
const SUBJECT = "mailto:ops@sikanda.test";
const t = useTestApp({ VAPID_SUBJECT: SUBJECT });
const officer = useAccount(t, "officer", { kecamatanKode: HALONG });
const verifier = useAccount(t, "verifier", { verifierRegions: [HALONG] });
const guest = useAccount(t, "guest");
const otherGuest = useAccount(t, "guest");

let push: Awaited<ReturnType<typeof startPushService>>;
/** An hour on: every retry's backoff has passed. */
const later = (hours = 1) => new Date(Date.now() + hours * 3600_000);

beforeAll(async () => {
  push = await startPushService();
  // The guest hears of Halong's publications in politik only: few other suites publish that.
  const res = await api(t, "PUT", "/api/notifications/subscriptions", { cookie: guest.cookie, body: { enabled: true, kecamatan: [HALONG], bidang: ["politik"] } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});
afterAll(() => push?.close());

/** Register a browser subscription of the guest whose endpoint is `path` on the stand-in service. */
async function subscribeBrowser(path: string, lang?: "id" | "en"): Promise<BrowserKeys> {
  const keys = browserKeys();
  const res = await api(t, "POST", "/api/push/subscriptions", { cookie: guest.cookie, body: { endpoint: push.origin + path, expirationTime: null, keys: keys.json, lang } });
  expect(res.status, JSON.stringify(res.body)).toBe(204);
  return keys;
}

/** A verified politik report in Halong, published through the API; its id. */
async function publishMatching(): Promise<string> {
  const id = await submitAs(t, officer.cookie, situationReport({ location: { ...POINTS.halong, accuracyM: 10, source: "gps" }, bidang: "politik", subCategory: "unjuk rasa" }));
  await verifyAs(t, verifier.cookie, id);
  const { body } = await api(t, "GET", `/api/reports/${id}`, { cookie: verifier.cookie });
  const res = await api(t, "POST", `/api/reports/${id}/publish`, { cookie: verifier.cookie, body: { version: body.data.version, title: `Rapat umum ${id.slice(0, 8)}` } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await t.services.notifications.idle();
  return id;
}

/** Requests to `path` whose decrypted payload is about report `id`. */
function receivedAbout(path: string, keys: BrowserKeys, id: string) {
  return push.received.filter((r) => r.path === path).filter((r) => PushPayload.parse(JSON.parse(decryptPush(r.body, keys))).url.endsWith(id));
}

describe("Web Push end to end, with a local stand-in push service", () => {
  it("keeps one VAPID key pair and tells it to anyone", async () => {
    const a = await api(t, "GET", "/api/push/key");
    expect(a.status).toBe(200);
    expect(Buffer.from(a.body.data.publicKey, "base64url")).toHaveLength(65);
    expect((await api(t, "GET", "/api/push/key")).body.data.publicKey).toBe(a.body.data.publicKey);
  });

  it("sends a matching publication encrypted to the subscription, signed with the server's VAPID key", async () => {
    const path = `/push/${randomUUID()}`;
    const keys = await subscribeBrowser(path);
    const id = await publishMatching();
    const { publicKey } = (await api(t, "GET", "/api/push/key")).body.data;

    const result = await t.services.push.worker.runOnce();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const [request] = push.received.filter((r) => r.path === path);
    expect(request, "the push service received nothing").toBeDefined();
    expect(request!.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(request!.headers.ttl)).toBeGreaterThan(0);
    // Only the subscription's private key opens it.
    const payload = PushPayload.parse(JSON.parse(decryptPush(request!.body, keys)));
    expect(() => decryptPush(request!.body, browserKeys())).toThrow();
    const published = (await api(t, "GET", `/api/public/reports/${id}`)).body.data;
    expect(payload).toEqual({ title: expect.stringContaining(published.title), body: expect.stringContaining(published.summary.slice(0, 40)), url: `/laporan/${id}`, tag: `laporan-${id}` });

    const claims = verifiedVapidClaims(String(request!.headers.authorization), publicKey);
    expect(claims.aud).toBe(push.origin);
    expect(claims.sub).toBe(SUBJECT);
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 24 * 3600);

    // Sent once: a second pass finds nothing of it due.
    await t.services.push.worker.runOnce(later());
    expect(receivedAbout(path, keys, id)).toHaveLength(1);
  });

  it("words each browser's push in the language it subscribed from", async () => {
    const [idPath, enPath] = [`/push/${randomUUID()}`, `/push/${randomUUID()}`];
    const [idKeys, enKeys] = [await subscribeBrowser(idPath), await subscribeBrowser(enPath, "en")];
    const id = await publishMatching();
    await t.services.push.worker.runOnce();
    const open = (path: string, keys: BrowserKeys) => {
      const [request] = receivedAbout(path, keys, id);
      expect(request, `nothing reached ${path}`).toBeDefined();
      return PushPayload.parse(JSON.parse(decryptPush(request!.body, keys)));
    };
    const published = (await api(t, "GET", `/api/public/reports/${id}`)).body.data;
    expect(open(idPath, idKeys).title).toBe(`Laporan baru di Halong: ${published.title}`);
    expect(open(enPath, enKeys).title).toBe(`New report in Halong: ${published.title}`);
    expect(open(enPath, enKeys).body).toMatch(/^Politics · /);
    expect((await api(t, "POST", "/api/push/subscriptions", { cookie: guest.cookie, body: { endpoint: `${push.origin}/push/${randomUUID()}`, keys: browserKeys().json, lang: "jv" } })).status).toBe(400);
  });

  it("words pushes in the language the user switched to, and lets nobody else switch another's browser", async () => {
    const path = `/push/${randomUUID()}`;
    const keys = await subscribeBrowser(path);
    const endpoint = push.origin + path;
    const other = await api(t, "PATCH", "/api/push/subscriptions", { cookie: otherGuest.cookie, body: { endpoint, lang: "en" } });
    expect(other.status).toBe(404);
    expect((await api(t, "PATCH", "/api/push/subscriptions", { cookie: guest.cookie, body: { endpoint, lang: "jv" } })).status).toBe(400);
    expect((await api(t, "PATCH", "/api/push/subscriptions", { cookie: guest.cookie, body: { endpoint, lang: "en" } })).status).toBe(204);

    const id = await publishMatching();
    await t.services.push.worker.runOnce();
    const [request] = receivedAbout(path, keys, id);
    expect(request, `nothing reached ${path}`).toBeDefined();
    expect(PushPayload.parse(JSON.parse(decryptPush(request!.body, keys))).title).toMatch(/^New report in Halong: /);
  });

  it("sends each push once when two nodes' workers run at the same moment", async () => {
    const path = `/push/${randomUUID()}`;
    const keys = await subscribeBrowser(path);
    const id = await publishMatching();
    const keysOfServer = (await getVapidKeys(t.db.sequelize))!;
    const otherNode = createPushWorker({
      db: t.db.sequelize,
      clock: systemClock,
      log: createLogger("silent"),
      maxAttempts: 8,
      sender: async () => createPushSender(keysOfServer, SUBJECT),
    });
    await Promise.all([t.services.push.worker.runOnce(), otherNode.runOnce(), t.services.push.worker.runOnce(), otherNode.runOnce()]);
    expect(receivedAbout(path, keys, id)).toHaveLength(1);
  });

  it("removes a subscription the push service answers 410 for", async () => {
    const path = `/push/${randomUUID()}`;
    await subscribeBrowser(path);
    push.answer(path, 410);
    await publishMatching();
    const before = (await getPushSubscriptionsOf(t.db.sequelize, guest.id)).find((s) => s.endpoint === push.origin + path);
    expect(before).toBeDefined();

    const result = await t.services.push.worker.runOnce();
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect((await getPushSubscriptionsOf(t.db.sequelize, guest.id)).map((s) => s.endpoint)).not.toContain(push.origin + path);
    expect(await getQueuedPushes(t.db.sequelize, before!.id)).toEqual([]);
  });

  it("retries a 500 with backoff, then delivers; gives up after the last attempt", async () => {
    const path = `/push/${randomUUID()}`;
    const keys = await subscribeBrowser(path);
    push.answer(path, 500);
    const id = await publishMatching();
    const sub = (await getPushSubscriptionsOf(t.db.sequelize, guest.id)).find((s) => s.endpoint === push.origin + path)!;

    // The backoff counts from the pass's start, so from before it: a slow pass (other files' leftover pushes
    // to unreachable hosts go in the same batch) must not eat into the margin.
    const passStart = Date.now();
    await t.services.push.worker.runOnce();
    const [waiting] = await getQueuedPushes(t.db.sequelize, sub.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, last_error: "push service answered 500" });
    expect(new Date(waiting!.next_attempt_at).getTime()).toBeGreaterThan(passStart + 20_000);
    // Not due yet: nothing is sent again.
    await t.services.push.worker.runOnce();
    expect(push.received.filter((r) => r.path === path)).toHaveLength(1);

    await t.services.push.worker.runOnce(later());
    expect((await getQueuedPushes(t.db.sequelize, sub.id))[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(receivedAbout(path, keys, id)).toHaveLength(2);

    // A service that keeps failing: given up after PUSH_MAX_ATTEMPTS (8 by default), kept as failed.
    push.answer(path, ...Array(8).fill(503));
    await publishMatching();
    for (let hours = 1; hours <= 8; hours++) await t.services.push.worker.runOnce(later(hours * 7));
    const last = (await getQueuedPushes(t.db.sequelize, sub.id)).at(-1)!;
    expect(last).toMatchObject({ status: "failed", attempts: 8 });
    expect(last.last_error).toContain("gave up after 8 attempts");
  });

  it("refuses endpoints that are not https (http only on localhost outside production) and malformed keys", async () => {
    const keys = browserKeys().json;
    const post = (body: unknown) => api(t, "POST", "/api/push/subscriptions", { cookie: guest.cookie, body });
    for (const endpoint of ["http://push.example.com/x", "https://10.0.0.8/x", "https://localhost/x", "ftp://push.example.com/x", "not a url"])
      expect((await post({ endpoint, keys })).status, endpoint).toBe(400);
    expect((await post({ endpoint: "https://push.example.com/x", keys: { ...keys, auth: "c2hvcnQ" } })).status).toBe(400);
    expect((await post({ endpoint: "https://push.example.com/x", keys: { ...keys, p256dh: keys.p256dh.slice(0, 43) } })).status).toBe(400);
    expect((await post({ endpoint: "https://push.example.com/x", keys, extra: 1 })).status).toBe(400);
    expect((await api(t, "POST", "/api/push/subscriptions", { body: { endpoint: "https://push.example.com/x", keys } })).status).toBe(401);
  });
});
