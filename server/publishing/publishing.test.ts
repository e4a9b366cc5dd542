import { createHash, randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import sharp from "sharp";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicServerEvents } from "@contract/events.ts";
import { PUBLIC_REPORT_KEYS, PublicReport } from "@contract/public-reports.ts";
import { PUBLIC_NAMESPACE } from "../core/rooms.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { POINTS, situationReport } from "../test/reports.ts";
import { verifyAs } from "../test/incidents.ts";
import { openSocket, type ClientSocket } from "../test/sockets.ts";

const PARINGIN = "63.11.06";
const t = useTestApp();
const verifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const otherVerifier = useAccount(t, "verifier", { verifierRegions: [PARINGIN] });
const admin = useAccount(t, "admin");

/** Words of this run that must never reach the public: each field of the report that is not public. */
const tag = randomUUID().slice(0, 8);
const SECRET = {
  officerName: `Petugas Rahasia ${tag}`,
  nip: `19800101${tag.replace(/[^0-9]/g, "1").padEnd(10, "7").slice(0, 10)}`,
  sumber: `Sumber ${tag}`,
  analisa: `Analisa ${tag}`,
  saran: `Saran ${tag}`,
  siapa: `Siapa ${tag}`,
  diMana: `Jalan ${tag} nomor 7`,
};
const APA = `Warga berkumpul menolak tambang ${tag}`;
const BAGAIMANA = `Berorasi lalu bubar tertib ${tag}`;

let officer: { id: string; username: string; cookie: string };
/** The spy: an anonymous socket on the public namespace, connected for the whole file. */
let spy: Socket<PublicServerEvents>;
const heard: { event: string; payload: unknown }[] = [];
/** Reports that must never be heard of publicly (rahasia, never verified). */
const neverPublic = new Set<string>();
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  const username = `pub${Date.now().toString(36)}${tag}`;
  const password = "Test-Password-123";
  const { user } = await t.services.users.create(null, {
    username,
    displayName: SECRET.officerName,
    role: "officer",
    kecamatanKode: PARINGIN,
    position: "Staf Kesbangpol",
    nip: SECRET.nip,
    phone: null,
    verifierRegions: [],
    password,
  });
  officer = { id: user.id, username, cookie: await login(t, { username, password }) };
  spy = connect(t.baseUrl + PUBLIC_NAMESPACE, { transports: ["websocket"], reconnection: false, forceNew: true });
  spy.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    spy.once("connect", resolve);
    spy.once("connect_error", reject);
  });
});
afterAll(() => {
  spy?.close();
  sockets.forEach((s) => s.close());
});

/** A situation report of this file's officer, full of words that must stay private. */
function report(overrides: Record<string, unknown> = {}) {
  return situationReport({
    perihal: `Unjuk rasa tolak tambang ${tag}`,
    body: {
      pendahuluan: { sumber: SECRET.sumber, nilaiInformasi: "B2" },
      fakta: { siapa: SECRET.siapa, apa: APA, diMana: SECRET.diMana, bagaimana: BAGAIMANA, bilamana: "Senin pagi" },
      pendapat: { analisa: SECRET.analisa, saran: SECRET.saran },
    },
    ...overrides,
  });
}

async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api(t, "POST", "/api/reports", { cookie: officer.cookie, body: report(overrides) });
  expect(res.status).toBe(201);
  return res.body.data.id;
}

async function staffView(id: string) {
  return (await api(t, "GET", `/api/reports/${id}`, { cookie: admin.cookie })).body.data;
}

async function verified(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await submit(overrides);
  await verifyAs(t, verifier.cookie, id);
  return id;
}

async function publish(id: string, body: Record<string, unknown> = {}, cookie = verifier.cookie) {
  return api(t, "POST", `/api/reports/${id}/publish`, { cookie, body: { version: (await staffView(id)).version, ...body } });
}

async function unpublish(id: string, note = "Perlu diperbaiki", cookie = verifier.cookie) {
  return api(t, "POST", `/api/reports/${id}/unpublish`, { cookie, body: { version: (await staffView(id)).version, note } });
}

const publicDetail = (id: string) => api(t, "GET", `/api/public/reports/${id}`);
/** Every current publication the list filter holds, following the cursor to the end. */
async function publicList(query: string): Promise<PublicReport[]> {
  const out: PublicReport[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(t, "GET", `/api/public/reports?${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.page.next;
  } while (cursor);
  return out;
}

async function centreOf(kode: string): Promise<{ lat: number; lng: number }> {
  const [row] = await t.db.sequelize.query<{ lat: number; lng: number }>(`SELECT ST_Y(label_point) AS lat, ST_X(label_point) AS lng FROM regions WHERE kode = :kode`, {
    replacements: { kode },
    type: QueryTypes.SELECT,
  });
  return { lat: Number(row!.lat), lng: Number(row!.lng) };
}

const witaDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Makassar" }).format(new Date(iso));

/** Nothing private anywhere in the JSON, as text. */
function expectNothingPrivate(json: unknown) {
  const text = JSON.stringify(json);
  for (const [field, secret] of Object.entries(SECRET)) expect(text, `${field} leaked`).not.toContain(secret);
  expect(text).not.toContain(officer.username);
  expect(text).not.toContain(officer.id);
}

describe("publishing a verified report", () => {
  it("shows anyone exactly the allow-listed public shape, at the desa's centre, with the server's draft", async () => {
    const id = await verified();
    const staff = await staffView(id);
    const res = await publish(id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.report).toMatchObject({ id, status: "published", version: staff.version + 1 });

    const detail = await publicDetail(id);
    expect(detail.status).toBe(200);
    const shown = detail.body.data;
    expect(Object.keys(shown).sort()).toEqual([...PUBLIC_REPORT_KEYS].sort());
    expect(PublicReport.safeParse(shown).success).toBe(true);
    expect(shown).toMatchObject({
      id,
      title: staff.perihal,
      bidang: staff.bidang,
      kerawanan: staff.kerawanan,
      day: witaDay(staff.occurredAt),
      generalization: "desa",
      kecamatan: { kode: PARINGIN, nama: staff.kecamatan.nama },
      desa: staff.desa,
      photos: [],
    });
    expect(shown.summary).toBe(`${APA}\n\n${BAGAIMANA}`);
    expect(shown.location).toEqual(await centreOf(staff.desa.kode));
    expect(shown.location).not.toEqual({ lat: POINTS.paringin.lat, lng: POINTS.paringin.lng });
    expectNothingPrivate(detail.body);

    const listed = (await publicList(`kecamatan=${PARINGIN}&from=${shown.day}&to=${shown.day}`)).find((r) => r.id === id);
    expect(listed).toEqual(shown);
    for (const item of await publicList(`kecamatan=${PARINGIN}&from=${shown.day}&to=${shown.day}`)) expect(Object.keys(item).sort()).toEqual([...PUBLIC_REPORT_KEYS].sort());
    await expect.poll(() => heard.some((h) => h.event === "report:published" && (h.payload as PublicReport).id === id)).toBe(true);
    expect(heard.find((h) => (h.payload as PublicReport).id === id)!.payload).toEqual(shown);
  });

  it("takes the verifier's own text and the kecamatan's centre when asked, and records who published", async () => {
    const id = await verified();
    const res = await publish(id, { title: "Aksi damai warga", summary: "Aksi berlangsung damai.", generalization: "kecamatan" }, admin.cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const shown = (await publicDetail(id)).body.data;
    expect(shown).toMatchObject({ title: "Aksi damai warga", summary: "Aksi berlangsung damai.", generalization: "kecamatan", desa: null });
    expect(shown.location).toEqual(await centreOf(PARINGIN));

    const [stored] = await t.db.sequelize.query<Record<string, unknown>>(
      `SELECT published_by, report_version, unpublished_at, desa_kode FROM published_reports WHERE report_id = :id`,
      { replacements: { id }, type: QueryTypes.SELECT },
    );
    expect(stored).toMatchObject({ published_by: admin.id, unpublished_at: null, desa_kode: null });
    const history = (await api(t, "GET", `/api/reports/${id}/history`, { cookie: admin.cookie })).body.data;
    expect(history.slice(-2)).toMatchObject([
      { action: "status_changed", fromStatus: "verified", toStatus: "published", actor: { id: admin.id } },
      { action: "published", actor: { id: admin.id }, details: { generalization: "kecamatan", photos: 0 } },
    ]);
    const audit = (await api(t, "GET", `/api/audit?actorId=${admin.id}&action=report.status_changed`, { cookie: admin.cookie })).body.data;
    expect(audit.some((a: { targetId: string; details: { to?: string } }) => a.targetId === id && a.details.to === "published")).toBe(true);
  });

  it("refuses a rahasia report (409 with the reason) and never shows it", async () => {
    const id = await verified({ classification: "rahasia" });
    neverPublic.add(id);
    const res = await publish(id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/rahasia/);
    expect((await publicDetail(id)).status).toBe(404);
    expect((await staffView(id)).status).toBe("verified");
    const draft = await api(t, "GET", `/api/reports/${id}/public-draft`, { cookie: verifier.cookie });
    expect(draft.body.data.blocker).toBe("rahasia");
  });

  it("refuses a report not verified, a stale version and one another verifier holds, writing nothing", async () => {
    const submitted = await submit();
    neverPublic.add(submitted);
    const notVerified = await publish(submitted);
    expect(notVerified.status).toBe(409);
    expect(notVerified.body.error.message).toMatch(/submitted cannot be published/);

    const id = await verified();
    const before = await staffView(id);
    const stale = await api(t, "POST", `/api/reports/${id}/publish`, { cookie: verifier.cookie, body: { version: before.version - 1 } });
    expect(stale.status).toBe(409);
    expect((await api(t, "POST", `/api/reports/${id}/claim`, { cookie: otherVerifier.cookie })).status).toBe(200);
    const held = await publish(id);
    expect(held.status).toBe(409);
    expect(held.body.error.message).toMatch(/Being handled by/);
    expect(await staffView(id)).toMatchObject({ status: "verified", version: before.version });
    expect((await publicDetail(id)).status).toBe(404);
    await api(t, "DELETE", `/api/reports/${id}/claim`, { cookie: otherVerifier.cookie });
    neverPublic.add(id);
  });

  it("refuses photos not uploaded to the report and input it does not know (400)", async () => {
    const id = await verified();
    neverPublic.add(id);
    const version = (await staffView(id)).version;
    const foreign = await api(t, "POST", `/api/reports/${id}/publish`, { cookie: verifier.cookie, body: { version, photos: ["ab".repeat(32)] } });
    expect(foreign.status).toBe(400);
    const extra = await api(t, "POST", `/api/reports/${id}/publish`, { cookie: verifier.cookie, body: { version, sumber: "x" } });
    expect(extra.status).toBe(400);
    expect((await staffView(id)).status).toBe("verified");
  });
});

describe("photos of a publication", () => {
  it("are served to anyone as re-encoded derivatives without EXIF, at most 1280 px", async () => {
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 90, g: 60, b: 30 } } })
      .withExif({ IFD0: { Artist: SECRET.officerName }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "2/1 19/1 18/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const sha = createHash("sha256").update(photo).digest("hex");
    const id = await submit({ photos: [sha] });
    const put = await fetch(`${t.baseUrl}/api/reports/${id}/photos/${sha}`, { method: "PUT", headers: { "content-type": "image/jpeg", cookie: officer.cookie }, body: new Uint8Array(photo) });
    expect(put.status).toBe(201);
    await verifyAs(t, verifier.cookie, id);
    expect((await publish(id, { photos: [sha] })).status).toBe(200);

    const shown = (await publicDetail(id)).body.data as PublicReport;
    expect(shown.photos).toHaveLength(1);
    expect(shown.photos[0]!.url).not.toContain(sha);
    const res = await fetch(t.baseUrl + shown.photos[0]!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBe(1280);
    expect({ width: meta.width, height: meta.height }).toEqual({ width: shown.photos[0]!.width, height: shown.photos[0]!.height });

    expect((await unpublish(id)).status).toBe(200);
    expect((await fetch(t.baseUrl + shown.photos[0]!.url)).status).toBe(404);
  });
});

describe("unpublishing", () => {
  it("takes the report out of every public view at once and back to verified, with the note in its trail", async () => {
    const id = await verified();
    expect((await publish(id)).status).toBe(200);
    const staffSocket = await openSocket(t, { cookie: admin.cookie });
    sockets.push(staffSocket);
    const staffHeard: { kind: string; status: string }[] = [];
    staffSocket.on("report:updated", (c) => c.entityId === id && staffHeard.push({ kind: c.kind, status: c.data.status }));

    const res = await unpublish(id, "Informasi perlu dikonfirmasi ulang");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ report: { id, status: "verified", statusNote: "Informasi perlu dikonfirmasi ulang" }, published: null });
    expect((await publicDetail(id)).status).toBe(404);
    const day = witaDay((await staffView(id)).occurredAt);
    expect((await publicList(`kecamatan=${PARINGIN}&from=${day}&to=${day}`)).some((r) => r.id === id)).toBe(false);
    await expect.poll(() => heard.some((h) => h.event === "report:unpublished" && (h.payload as { id: string }).id === id)).toBe(true);
    await expect.poll(() => staffHeard).toEqual([{ kind: "unpublished", status: "verified" }]);

    const history = (await api(t, "GET", `/api/reports/${id}/history`, { cookie: admin.cookie })).body.data;
    expect(history.slice(-2)).toMatchObject([
      { action: "status_changed", fromStatus: "published", toStatus: "verified", note: "Informasi perlu dikonfirmasi ulang" },
      { action: "unpublished", note: "Informasi perlu dikonfirmasi ulang" },
    ]);
    // What the public saw stays on record, stamped withdrawn.
    const [kept] = await t.db.sequelize.query<Record<string, unknown>>(`SELECT unpublished_by, unpublish_note FROM published_reports WHERE report_id = :id`, {
      replacements: { id },
      type: QueryTypes.SELECT,
    });
    expect(kept).toMatchObject({ unpublished_by: verifier.id, unpublish_note: "Informasi perlu dikonfirmasi ulang" });

    // Published again: a new record, the old one kept.
    expect((await publish(id, { title: "Judul baru" })).status).toBe(200);
    expect((await publicDetail(id)).body.data.title).toBe("Judul baru");
    const [{ n }] = (await t.db.sequelize.query(`SELECT count(*)::int AS n FROM published_reports WHERE report_id = :id`, { replacements: { id }, type: QueryTypes.SELECT })) as [{ n: number }];
    expect(n).toBe(2);
  });

  it("refuses a report that is not published, and a stale version", async () => {
    const id = await verified();
    neverPublic.add(id);
    const notPublished = await unpublish(id);
    expect(notPublished.status).toBe(409);
    expect(notPublished.body.error.message).toMatch(/verified is not published/);

    const published = await verified();
    expect((await publish(published)).status).toBe(200);
    const stale = await api(t, "POST", `/api/reports/${published}/unpublish`, {
      cookie: verifier.cookie,
      body: { version: (await staffView(published)).version - 1, note: "Versi lama" },
    });
    expect(stale.status).toBe(409);
    expect((await publicDetail(published)).status).toBe(200);
  });
});

describe("the public list", () => {
  it("pages by cursor, latest day first, within the filters", async () => {
    // Days of this run's own, far back, so reports other tests publish are not in the range.
    const base = Date.UTC(2021, 0, 1) + Math.floor(Math.random() * 700) * 86_400_000;
    const ids: string[] = [];
    for (const daysBack of [0, 1, 2]) {
      const occurredAt = new Date(base - daysBack * 86_400_000 + 4 * 3_600_000).toISOString();
      const id = await verified({ occurredAt, bidang: "politik", subCategory: "unjuk rasa" });
      expect((await publish(id)).status).toBe(200);
      ids.push(id);
    }
    const from = witaDay(new Date(base - 2 * 86_400_000 + 4 * 3_600_000).toISOString());
    const to = witaDay(new Date(base + 4 * 3_600_000).toISOString());
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res = await api(t, "GET", `/api/public/reports?bidang=politik&kecamatan=${PARINGIN}&from=${from}&to=${to}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      pages.push(res.body.data.map((r: PublicReport) => r.id));
      cursor = res.body.page.next;
    } while (cursor);
    const mine = pages.flat().filter((id) => ids.includes(id));
    expect(mine).toEqual(ids);
    expect((await publicList(`bidang=ekonomi&from=${from}&to=${to}`)).some((r) => ids.includes(r.id))).toBe(false);
  });

  it("accepts only the documented filters (400 otherwise)", async () => {
    for (const query of ["status=submitted", "kecamatan=paringin", "bidang=rahasia", "from=2021-02-30", "limit=1000", "cursor=abc", "author=x"]) {
      const res = await api(t, "GET", `/api/public/reports?${query}`);
      expect(res.status, query).toBe(400);
    }
    expect((await api(t, "GET", `/api/public/reports/not-an-id`)).status).toBe(400);
    expect((await api(t, "GET", `/api/public/reports/${randomUUID()}`)).status).toBe(404);
  });

  it("needs no session and makes none", async () => {
    const res = await api(t, "GET", "/api/public/reports?limit=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("the public socket", () => {
  it("heard only publications and withdrawals, in the public shape, and nothing of rahasia or unverified reports", async () => {
    expect(heard.length).toBeGreaterThan(0);
    for (const { event, payload } of heard) {
      expect(["report:published", "report:unpublished"]).toContain(event);
      if (event === "report:published") expect(Object.keys(payload as object).sort()).toEqual([...PUBLIC_REPORT_KEYS].sort());
      else expect(Object.keys(payload as object)).toEqual(["id"]);
      expect(neverPublic.has((payload as { id: string }).id), `${event} of a report never public`).toBe(false);
      expectNothingPrivate(payload);
    }
  });

  it("lets a signed-in account read the public routes too, in the same shape", async () => {
    const guest = await login(t, await createAccount(t, "guest"));
    const res = await api(t, "GET", "/api/public/reports?limit=5", { cookie: guest });
    expect(res.status).toBe(200);
    for (const item of res.body.data) expect(Object.keys(item).sort()).toEqual([...PUBLIC_REPORT_KEYS].sort());
  });
});
