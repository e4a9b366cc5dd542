import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotificationView } from "@contract/notifications.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, login, useAccount } from "../test/accounts.ts";
import { POINTS, situationReport } from "../test/reports.ts";
import { submitAs, verifyAs } from "../test/incidents.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";

const HALONG = "63.11.02";
const JUAI = "63.11.01";
const t = useTestApp();
const verifier = useAccount(t, "verifier", { verifierRegions: [HALONG] });
const paringinVerifier = useAccount(t, "verifier", { verifierRegions: ["63.11.06"] });
const halongGuest = useAccount(t, "guest");
const juaiGuest = useAccount(t, "guest");
const quietGuest = useAccount(t, "guest");

/** Words of this run that only staff may read: none may reach a guest's notification. */
const tag = randomUUID().slice(0, 8);
const SECRET = { officerName: `Petugas Rahasia ${tag}`, sumber: `Sumber ${tag}`, analisa: `Analisa ${tag}`, siapa: `Siapa ${tag}` };
let officer: { id: string; cookie: string };
const sockets: ClientSocket[] = [];
/** What each account's socket heard of `notification:new`, by account id. */
const heard = new Map<string, NotificationView[]>();
/** The ids each account's socket was told were removed (`notification:removed`). */
const removed = new Map<string, string[]>();

async function listen(account: { id: string; cookie: string }) {
  const socket = await openSocket(t, { cookie: account.cookie });
  sockets.push(socket);
  heard.set(account.id, []);
  removed.set(account.id, []);
  socket.on("notification:new", (n) => heard.get(account.id)!.push(NotificationView.parse(n)));
  socket.on("notification:removed", ({ ids }) => removed.get(account.id)!.push(...ids));
}

beforeAll(async () => {
  const username = `notif${Date.now().toString(36)}${tag}`;
  const { user } = await t.services.users.create(null, {
    username,
    displayName: SECRET.officerName,
    role: "officer",
    kecamatanKode: HALONG,
    position: null,
    nip: null,
    phone: null,
    verifierRegions: [],
    password: "Test-Password-123",
  });
  officer = { id: user.id, cookie: await login(t, { username, password: "Test-Password-123" }) };
  const subscribe = (cookie: string, kecamatan: string[]) =>
    api(t, "PUT", "/api/notifications/subscriptions", { cookie, body: { enabled: true, kecamatan, bidang: [] } });
  expect((await subscribe(halongGuest.cookie, [HALONG])).body.data).toEqual({ enabled: true, kecamatan: [HALONG], bidang: [] });
  await subscribe(juaiGuest.cookie, [JUAI]);
  for (const account of [officer, verifier, paringinVerifier, halongGuest, juaiGuest, quietGuest]) await listen(account);
});
afterAll(() => sockets.forEach((s) => s.close()));

function report(where: { lat: number; lng: number }) {
  return situationReport({
    location: { ...where, accuracyM: 10, source: "gps" },
    perihal: `Pertemuan warga ${tag}`,
    body: {
      pendahuluan: { sumber: SECRET.sumber, nilaiInformasi: "B2" },
      fakta: { siapa: SECRET.siapa, apa: `Warga berkumpul ${tag}`, diMana: "Balai desa", bagaimana: "Tertib", bilamana: "Pagi" },
      pendapat: { analisa: SECRET.analisa, saran: "Pantau" },
    },
  });
}

async function decide(id: string, status: string, note?: string) {
  const { body } = await api(t, "GET", `/api/reports/${id}`, { cookie: verifier.cookie });
  const res = await api(t, "POST", `/api/reports/${id}/status`, { cookie: verifier.cookie, body: { status, version: body.data.version, note } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function publish(id: string, cookie = verifier.cookie) {
  await verifyAs(t, cookie, id);
  const { body } = await api(t, "GET", `/api/reports/${id}`, { cookie });
  expect((await api(t, "POST", `/api/reports/${id}/publish`, { cookie, body: { version: body.data.version } })).status).toBe(200);
}

/** Every notification of the account (following the cursor), with the unread count of the first page. */
async function inbox(cookie: string): Promise<{ items: NotificationView[]; unread: number }> {
  const items: NotificationView[] = [];
  let before: string | null = null;
  let unread = -1;
  do {
    const res = await api(t, "GET", `/api/notifications?limit=2${before ? `&before=${before}` : ""}`, { cookie });
    expect(res.status).toBe(200);
    if (unread < 0) unread = res.body.unread;
    items.push(...res.body.data);
    before = res.body.page.next;
  } while (before);
  return { items, unread };
}

const about = (list: NotificationView[], id: string) => list.filter((n) => n.link.endsWith(id));
/** Settle the fan-out, then give the sockets a moment to deliver. */
const settled = async () => (await t.services.notifications.idle(), new Promise((r) => setTimeout(r, 150)));

describe("in-app notifications", () => {
  it("tells a guest of exactly the matching publication, live and in the list, in the public shape only", async () => {
    const inHalong = await submitAs(t, officer.cookie, report(POINTS.halong));
    const elsewhere = await submitAs(t, officer.cookie, report(POINTS.paringin));
    await publish(inHalong);
    await publish(elsewhere, paringinVerifier.cookie);
    await settled();

    const live = heard.get(halongGuest.id)!;
    expect(about(live, inHalong)).toHaveLength(1);
    expect(about(live, elsewhere)).toEqual([]);
    const [n] = about(live, inHalong);
    expect(n).toMatchObject({ kind: "report_published", link: `/laporan/${inHalong}`, readAt: null });
    expect(Object.keys(n!).sort()).toEqual(Object.keys(NotificationView.shape).sort());
    // Its facts, for the dashboard to word in English: the public shape's, and only those.
    expect(n!.params).toMatchObject({ kind: "report_published", kecamatan: "Halong", title: `Pertemuan warga ${tag}`, bidang: "ekonomi" });
    expect(Object.keys(n!.params!).sort()).toEqual(["bidang", "day", "kecamatan", "kind", "place", "summary", "title"]);
    const text = JSON.stringify(n);
    for (const [field, secret] of Object.entries(SECRET)) expect(text, `${field} leaked`).not.toContain(secret);
    expect(text).not.toContain(officer.id);

    const { items } = await inbox(halongGuest.cookie);
    expect(about(items, inHalong)).toEqual([n]);
    expect(about(items, elsewhere)).toEqual([]);
    // Nothing for the guest subscribed elsewhere, nothing for one who never subscribed.
    expect([...about(heard.get(juaiGuest.id)!, inHalong), ...about((await inbox(juaiGuest.cookie)).items, inHalong)]).toEqual([]);
    expect(heard.get(quietGuest.id)).toEqual([]);
    expect(await inbox(quietGuest.cookie)).toEqual({ items: [], unread: 0 });
  });

  it("marks read by id or all, and the unread count follows", async () => {
    const id = await submitAs(t, officer.cookie, report(POINTS.halong));
    await publish(id);
    await settled();
    const before = await inbox(halongGuest.cookie);
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const [mine] = about(before.items, id);
    const res = await api(t, "POST", "/api/notifications/read", { cookie: halongGuest.cookie, body: { ids: [mine!.id] } });
    expect(res.body.data.unread).toBe(before.unread - 1);
    expect(about((await inbox(halongGuest.cookie)).items, id)[0]!.readAt).not.toBeNull();
    // Another user's ids are ignored.
    expect((await api(t, "POST", "/api/notifications/read", { cookie: juaiGuest.cookie, body: { all: true } })).body.data.unread).toBe(0);
    expect((await inbox(halongGuest.cookie)).unread).toBe(before.unread - 1);
    expect((await api(t, "POST", "/api/notifications/read", { cookie: halongGuest.cookie, body: { all: true } })).body.data).toEqual({ unread: 0 });
    expect((await api(t, "POST", "/api/notifications/read", { cookie: halongGuest.cookie, body: { ids: [mine!.id], all: true } })).status).toBe(400);
  });

  it("tells the officer of decisions on their own reports", async () => {
    const rejected = await submitAs(t, officer.cookie, report(POINTS.halong));
    const revised = await submitAs(t, officer.cookie, report(POINTS.halong));
    await decide(rejected, "rejected", `Bukan kewenangan ${tag}`);
    await decide(revised, "revision_requested", "Lengkapi waktu kejadian");
    await settled();
    const got = heard.get(officer.id)!;
    expect(about(got, rejected)).toEqual([]); // officers' links go to their reports list, not a staff page
    const decided = got.filter((n) => n.kind === "report_decided");
    expect(decided.some((n) => n.title.endsWith("ditolak") && n.body.includes(`Bukan kewenangan ${tag}`))).toBe(true);
    expect(decided.some((n) => n.title.endsWith("perlu diperbaiki"))).toBe(true);
    expect(decided.some((n) => n.title.endsWith("dipublikasikan"))).toBe(true);
    const listed = (await inbox(officer.cookie)).items.filter((n) => n.kind === "report_decided");
    expect(listed.map((n) => n.id).sort()).toEqual(decided.map((n) => n.id).sort());
  });

  it("tells verifiers of new reports in their region only", async () => {
    const id = await submitAs(t, officer.cookie, report(POINTS.halong));
    await settled();
    expect(about(heard.get(verifier.id)!, id)).toMatchObject([{ kind: "report_received", link: `/ops/reports/${id}` }]);
    expect(about(heard.get(paringinVerifier.id)!, id)).toEqual([]);
    expect(about((await inbox(paringinVerifier.cookie)).items, id)).toEqual([]);
    expect(about(heard.get(halongGuest.id)!, id)).toEqual([]);
  });

  it("keeps subscriptions per user, validated", async () => {
    expect((await api(t, "GET", "/api/notifications/subscriptions", { cookie: quietGuest.cookie })).body.data).toEqual({ enabled: false, kecamatan: [], bidang: [] });
    const bad = await api(t, "PUT", "/api/notifications/subscriptions", { cookie: quietGuest.cookie, body: { enabled: true, kecamatan: ["99.99.99"], bidang: [] } });
    expect(bad.status).toBe(400);
  });

  it("withdraws a publication's notices, live, and its pushes not yet sent, when the report is unpublished", async () => {
    const endpoint = `https://push.invalid/${randomUUID()}`;
    await t.db.sequelize.query(`INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES (:userId, :endpoint, 'k', 'a', now())`, {
      replacements: { userId: halongGuest.id, endpoint },
    });
    const pendingPushes = async () =>
      (
        await t.db.sequelize.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM push_queue q JOIN push_subscriptions p ON p.id = q.subscription_id WHERE p.endpoint = :endpoint AND q.status = 'pending'`,
          { replacements: { endpoint }, type: QueryTypes.SELECT },
        )
      )[0]!.n;
    const id = await submitAs(t, officer.cookie, report(POINTS.halong));
    const kept = await submitAs(t, officer.cookie, report(POINTS.halong));
    await publish(id);
    await publish(kept);
    await settled();
    const [notice] = about(heard.get(halongGuest.id)!, id);
    expect(notice).toBeDefined();
    expect(await pendingPushes()).toBe(2);
    const unreadBefore = (await inbox(halongGuest.cookie)).unread;

    const { body } = await api(t, "GET", `/api/reports/${id}`, { cookie: verifier.cookie });
    const res = await api(t, "POST", `/api/reports/${id}/unpublish`, { cookie: verifier.cookie, body: { version: body.data.version, note: "Ditarik untuk koreksi" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await settled();

    expect(removed.get(halongGuest.id)).toContain(notice!.id);
    const after = await inbox(halongGuest.cookie);
    expect(about(after.items, id)).toEqual([]);
    expect(about(after.items, kept)).toHaveLength(1); // another publication's notice stays
    expect(after.unread).toBe(unreadBefore - 1);
    expect(await pendingPushes()).toBe(1);
    // The officer's own decision notices are theirs to keep; nobody else was told of a removal.
    expect(about((await inbox(officer.cookie)).items, id)).toEqual([]);
    expect(removed.get(juaiGuest.id)).toEqual([]);
    expect(removed.get(officer.id)).toEqual([]);
  });
});
