import { randomUUID } from "node:crypto";
import { QueryTypes } from "sequelize";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeEnvelope } from "@contract/events.ts";
import { matchesReportFilter, ReportFilter, type ReportFilterInput } from "@contract/report-queue.ts";
import { DEFAULT_SUB_CATEGORIES, Bidang, Kerawanan, type ReportView, type SubmitReportRaw } from "@contract/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { api, createAccount, login, useAccount } from "../test/accounts.ts";
import { openSocket } from "../test/sockets.ts";
import { actorOfAccount, dailyReport, POINTS, situationReport } from "../test/reports.ts";

const t = useTestApp();
const paringin = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const juai = useAccount(t, "officer", { kecamatanKode: "63.11.01" });
const halong = useAccount(t, "officer", { kecamatanKode: "63.11.02" });
const admin = useAccount(t, "admin");
const officers = () => [paringin, juai, halong];

/** A fixed pseudo-random sequence, so the data set is the same every run. */
function prng(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

const WORDS = ["banjir di bantaran sungai", "harga sembako naik 50%", "naik 500 rupiah", "persiapan pilkades", "pertemuan ormas"];

function variedReport(r: () => number, n: number): SubmitReportRaw {
  const bidang = pick(r, Bidang.options);
  const place = pick(r, [POINTS.paringin, POINTS.juai, POINTS.halong]);
  const base = situationReport();
  return situationReport({
    bidang,
    subCategory: pick(r, DEFAULT_SUB_CATEGORIES[bidang]),
    kerawanan: pick(r, Kerawanan.options),
    classification: n % 7 === 0 ? "rahasia" : "biasa",
    perihal: `Laporan ${n}: ${pick(r, WORDS)}`,
    occurredAt: new Date(Date.now() - Math.floor(r() * 60) * 86_400_000 - 3_600_000).toISOString(),
    location: { ...place, accuracyM: 10, source: "gps" },
    body: { ...base.body, fakta: { ...(base.body as { fakta: object }).fakta, apa: `Warga membahas ${pick(r, WORDS)}` } },
  });
}

let midpoint: string;

async function decide(id: string, status: string, note?: string) {
  const { version } = (await api(t, "GET", `/api/reports/${id}`, { cookie: admin.cookie })).body.data;
  const res = await api(t, "POST", `/api/reports/${id}/status`, { cookie: admin.cookie, body: { status, note, version } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

// The data set: 48 situation reports in two waves (a time range between them), periodic reports, decisions, an amendment.
beforeAll(async () => {
  const r = prng(13);
  const submitted: string[] = [];
  for (const wave of [0, 1]) {
    for (let n = 0; n < 24; n++) {
      const who = officers()[n % 3]!;
      submitted.push((await t.services.intake.submit(actorOfAccount(who, who === paringin ? "63.11.06" : who === juai ? "63.11.01" : "63.11.02"), variedReport(r, wave * 24 + n))).id);
    }
    if (wave === 0) {
      const [row] = await t.db.sequelize.query<{ at: string }>(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`, { type: QueryTypes.SELECT });
      midpoint = row!.at;
    }
  }
  for (const [i, id] of submitted.entries()) {
    if (i % 4 === 1) await decide(id, "verified");
    if (i % 4 === 2) await decide(id, "rejected", "Tidak sesuai fakta");
    if (i % 8 === 3) await decide(id, "revision_requested", "Lengkapi sumber");
  }
  for (const who of officers()) {
    const daily = await api(t, "POST", "/api/reports", { cookie: who.cookie, body: dailyReport(randomUUID(), "2026-09-01") });
    await decide(daily.body.data.id, "verified");
  }
  // Paringin's officer amends the verified daily report.
  expect((await api(t, "POST", "/api/reports", { cookie: paringin.cookie, body: dailyReport(randomUUID(), "2026-09-01", { jumlahKejadian: 3 }) })).status).toBe(201);
}, 300_000);

const authors = () => officers().map((o) => o.id);

/** The ids the database holds for a condition of its own, among this file's reports. */
async function direct(condition: string, replacements: Record<string, unknown> = {}): Promise<string[]> {
  const rows = await t.db.sequelize.query<{ id: string }>(`SELECT id FROM reports r WHERE author_id IN (:authors) AND (${condition})`, {
    replacements: { ...replacements, authors: authors() },
    type: QueryTypes.SELECT,
  });
  return rows.map((x) => x.id).sort();
}

/** Every report the queue lists for a query string, paged 7 at a time. */
async function listAll(cookie: string, query: string): Promise<ReportView[]> {
  const out: ReportView[] = [];
  let before: string | null = null;
  do {
    const res = await api(t, "GET", `/api/reports?limit=7&${query}${before ? `&before=${before}` : ""}`, { cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.data);
    before = res.body.page.next;
  } while (before);
  return out;
}

const ids = (views: { id: string }[]) => views.map((v) => v.id).sort();
const fakta = (f: string) => `body -> 'fakta' ->> '${f}'`;
const searched = `(perihal ILIKE :p OR ${["siapa", "apa", "diMana", "denganApa", "mengapa", "bagaimana", "bilamana"].map((f) => `${fakta(f)} ILIKE :p`).join(" OR ")})`;

describe("the queue's filters", () => {
  const cases: [string, ReportFilterInput, string, Record<string, unknown>?][] = [
    ["status", { status: "submitted" }, "status = 'submitted'"],
    ["statuses", { status: "verified,rejected" }, "status IN ('verified', 'rejected')"],
    ["kind", { kind: "daily" }, "kind = 'daily'"],
    ["kinds", { kind: "situation,weekly" }, "kind IN ('situation', 'weekly')"],
    ["bidang", { bidang: "politik" }, "bidang = 'politik'"],
    ["bidangs", { bidang: "ekonomi,ideologi" }, "bidang IN ('ekonomi', 'ideologi')"],
    ["sub-category", { subCategory: "unjuk rasa" }, "sub_category = 'unjuk rasa'"],
    ["kerawanan", { kerawanan: "tinggi,sangat_tinggi" }, "kerawanan IN ('tinggi', 'sangat_tinggi')"],
    ["kecamatan", { kecamatan: "63.11.01" }, "kecamatan_kode = '63.11.01'"],
    ["desa", { desa: "63.11.06.1023" }, "desa_kode = '63.11.06.1023'"],
    ["text in the perihal or the facts, any case", { q: "PILKADES" }, searched, { p: "%pilkades%" }],
    ["text with a % taken literally", { q: "50%" }, searched, { p: "%50\\%%" }],
    ["received from", { from: "MIDPOINT" }, "received_at >= CAST(:m AS timestamptz)"],
    ["received before", { to: "MIDPOINT" }, "received_at < CAST(:m AS timestamptz)"],
    ["occurred within", { time: "occurred", from: "2026-10-15T00:00:00+08:00", to: "2026-11-15T00:00:00+08:00" }, "occurred_at >= '2026-10-15T00:00:00+08:00' AND occurred_at < '2026-11-15T00:00:00+08:00'"],
    ["flagged (amended)", { flagged: "true" }, "amended_at IS NOT NULL"],
    ["all together", { status: "submitted,rejected", bidang: "politik,ekonomi", kerawanan: "sedang,tinggi", kecamatan: "63.11.06,63.11.02" },
      "status IN ('submitted', 'rejected') AND bidang IN ('politik', 'ekonomi') AND kerawanan IN ('sedang', 'tinggi') AND kecamatan_kode IN ('63.11.06', '63.11.02')"],
  ];

  for (const [name, input, condition, replacements] of cases) {
    it(`${name}: lists and counts what the database holds, and the live rule agrees`, async () => {
      const filter = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === "MIDPOINT" ? midpoint : v])) as ReportFilterInput;
      const expected = await direct(condition, { ...replacements, m: midpoint });
      const query = new URLSearchParams({ ...(filter as Record<string, string>), author: authors().join(",") }).toString();
      const listed = await listAll(admin.cookie, query);
      expect(ids(listed)).toEqual(expected);
      expect(new Set(ids(listed)).size).toBe(listed.length);
      // The rule a dashboard applies to live arrivals picks the same reports out of the unfiltered list.
      const everything = await listAll(admin.cookie, `author=${authors().join(",")}`);
      const parsed = ReportFilter.parse(filter);
      expect(ids(everything.filter((v) => matchesReportFilter(v, parsed)))).toEqual(expected);

      const counts = (await api(t, "GET", `/api/reports/counts?${query}`, { cookie: admin.cookie })).body.data;
      expect(counts.total).toBe(expected.length);
      const { status: _status, ...withoutStatus } = filter;
      const perStatus = everything.filter((v) => matchesReportFilter(v, ReportFilter.parse(withoutStatus)));
      for (const s of ["submitted", "verified", "rejected", "revision_requested", "published"] as const)
        expect(counts.byStatus[s], s).toBe(perStatus.filter((v) => v.status === s).length);
      expect(counts.amended).toBe(listed.filter((v) => v.amendedAt).length);
    });
  }

  it("makes a non-empty data set for every case, so no case passes by finding nothing", async () => {
    expect((await direct(searched, { p: "%pilkades%" })).length).toBeGreaterThan(0);
    expect((await direct(searched, { p: "%50\\%%" })).length).toBeGreaterThan(0);
    expect((await direct("amended_at IS NOT NULL")).length).toBe(1);
    // The second wave and the three daily reports; the amendment keeps its report's received_at.
    expect((await direct("received_at >= CAST(:m AS timestamptz)", { m: midpoint })).length).toBe(24 + 3);
  });

  it("keeps each reader to their scope whatever the filter asks", async () => {
    const juaiVerifier = await login(t, await createAccount(t, "verifier", { verifierRegions: ["63.11.01"] }));
    const own = `author=${authors().join(",")}`;
    expect(ids(await listAll(juaiVerifier, own))).toEqual(await direct("kecamatan_kode = '63.11.01'"));
    expect(await listAll(juaiVerifier, `${own}&kecamatan=63.11.06`)).toEqual([]);
    expect(ids(await listAll(paringin.cookie, own))).toEqual(await direct("author_id = :me", { me: paringin.id }));
    expect(await listAll(paringin.cookie, `author=${juai.id}`)).toEqual([]);
    const counted = (await api(t, "GET", `/api/reports/counts?${own}`, { cookie: juaiVerifier })).body.data;
    expect(counted.total).toBe((await direct("kecamatan_kode = '63.11.01'")).length);
  });

  it("refuses a filter it does not know, or a value no filter takes, with 400", async () => {
    for (const q of ["colour=red", "status=pending", "kecamatan=Paringin", "author=me", "before=yesterday", "from=2026-13-01T00:00:00Z", "time=sent"]) {
      const res = await api(t, "GET", `/api/reports?${q}`, { cookie: admin.cookie });
      expect(res.status, q).toBe(400);
      expect(Object.keys(res.body.error.fields).length, q).toBeGreaterThan(0);
      expect((await api(t, "GET", `/api/reports/counts?${q}`, { cookie: admin.cookie })).status, q).toBe(400);
    }
  });
});

describe("live arrivals and the filtered view", () => {
  it("carry every field the filters use, so the dashboard decides by the same rule as the list", async () => {
    const desk = await openSocket(t, { cookie: admin.cookie });
    const arrived: ChangeEnvelope[] = [];
    desk.on("report:created", (c) => arrived.push(c));
    const filter = ReportFilter.parse({ bidang: "politik", kerawanan: "tinggi", q: "pilkades", author: paringin.id });
    const inView = situationReport({ bidang: "politik", subCategory: "ormas", kerawanan: "tinggi", perihal: "Rapat persiapan pilkades" });
    const outOfView = situationReport({ bidang: "politik", subCategory: "ormas", kerawanan: "rendah", perihal: "Rapat persiapan pilkades" });
    const a = (await api(t, "POST", "/api/reports", { cookie: paringin.cookie, body: inView })).body.data.id;
    const b = (await api(t, "POST", "/api/reports", { cookie: paringin.cookie, body: outOfView })).body.data.id;
    await expect.poll(() => arrived.filter((c) => [a, b].includes(c.entityId)).length).toBe(2);
    desk.close();
    const live = (id: string) => arrived.find((c) => c.entityId === id)!.data as ReportView;
    expect(matchesReportFilter(live(a), filter)).toBe(true);
    expect(matchesReportFilter(live(b), filter)).toBe(false);
    const listed = ids(await listAll(admin.cookie, `bidang=politik&kerawanan=tinggi&q=pilkades&author=${paringin.id}`));
    expect(listed).toContain(a);
    expect(listed).not.toContain(b);
  });
});

describe("paging", () => {
  it("goes through thousands of reports with no duplicate and no gap while new ones keep arriving", async () => {
    const bulk = await createAccount(t, "officer", { kecamatanKode: "63.11.06" });
    const actor = actorOfAccount(bulk);
    const submitMany = async (n: number) => {
      const done: string[] = [];
      for (let i = 0; i < n; i += 250)
        done.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, () => t.services.intake.submit(actor, situationReport())))).map((r) => r.id));
      return done;
    };
    const existing = await submitMany(2_000);
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const res = await api(t, "GET", `/api/reports?author=${bulk.id}&limit=137${before ? `&before=${before}` : ""}`, { cookie: admin.cookie });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((r: ReportView) => r.id));
      before = res.body.page.next;
      pages++;
      // Reports keep arriving between pages (received now: ahead of the cursor, so they are not in later pages).
      if (pages % 3 === 0) await submitMany(25);
    } while (before);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(existing));
    // Many reports of one group share received_at to the microsecond: the id breaks those ties.
    const [ties] = await t.db.sequelize.query<{ n: string }>(
      `SELECT max(c) AS n FROM (SELECT count(*) AS c FROM reports WHERE author_id = :id GROUP BY received_at) x`,
      { replacements: { id: bulk.id }, type: QueryTypes.SELECT },
    );
    expect(Number(ties!.n)).toBeGreaterThan(1);
    const counts = (await api(t, "GET", `/api/reports/counts?author=${bulk.id}`, { cookie: admin.cookie })).body.data;
    expect(counts.total).toBe((await t.db.sequelize.query(`SELECT id FROM reports WHERE author_id = :id`, { replacements: { id: bulk.id }, type: QueryTypes.SELECT })).length);
  }, 600_000);
});
