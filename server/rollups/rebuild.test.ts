import { QueryTypes } from "sequelize";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SUB_CATEGORIES, type Bidang } from "@contract/reports.ts";
import { api, useAccount } from "../test/accounts.ts";
import { POINTS, situationReport } from "../test/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { periodsCovering, periodStart } from "@contract/periods.ts";
import { bucketOf } from "./verify-histogram.ts";

const t = useTestApp();
const admin = useAccount(t, "admin");
const paringin = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const juai = useAccount(t, "officer", { kecamatanKode: "63.11.01" });

// A month no other suite reports in: the rows compared below are this file's (and those of its earlier
// runs against the same database, which the comparisons take in as they are).
const MONTH = "2021-03";
const DAYS = ["2021-03-01", "2021-03-15", "2021-03-29", "2021-03-31"];
const BIDANG: Bidang[] = ["politik", "ekonomi", "sosial-budaya"];
/** Seconds from arrival to verification, spread over the histogram's buckets (under a minute to three days). */
const WAITS = [20, 95, 600, 3_700, 20_000, 90_000, 250_000];

const sql = <T extends object>(query: string, replacements: Record<string, unknown> = {}) =>
  t.db.sequelize.query<T>(query, { replacements, type: QueryTypes.SELECT });

async function submit(cookie: string, place: "paringin" | "juai", day: string, bidang: Bidang): Promise<string> {
  const at = `${day}T10:00:00+08:00`;
  const body = situationReport({ occurredAt: at, sentAt: at, bidang, subCategory: DEFAULT_SUB_CATEGORIES[bidang][0], location: { ...POINTS[place], accuracyM: 10, source: "gps" } });
  const res = await api(t, "POST", "/api/reports", { cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id;
}

async function verify(id: string) {
  const res = await api(t, "POST", `/api/reports/${id}/status`, { cookie: admin.cookie, body: { status: "verified", version: 1 } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Every rollup row of the periods that hold a day of MONTH, as `kind|start|…|n` lines, sorted. */
async function rowsOfMonth(): Promise<string[]> {
  const weeks = periodsCovering("week", `${MONTH}-01`, `${MONTH}-31`).map((w) => periodStart("week", w));
  const where = `(period_kind = 'day' AND period_start BETWEEN '${MONTH}-01' AND '${MONTH}-31')
    OR (period_kind = 'week' AND period_start IN (${weeks.map((w) => `'${w}'`).join(", ")}))
    OR (period_kind = 'month' AND period_start = '${MONTH}-01') OR (period_kind = 'quarter' AND period_start = '2021-01-01')`;
  const counts = await sql<{ line: string }>(`SELECT concat_ws('|', period_kind, period_start, kecamatan_kode, bidang, kerawanan, status, kind, n) AS line FROM rollup_counts WHERE ${where}`);
  const hist = await sql<{ line: string }>(`SELECT concat_ws('|', period_kind, period_start, kecamatan_kode, bidang, bucket, n) AS line FROM rollup_verify_hist WHERE ${where}`);
  return [...counts, ...hist].map((r) => r.line).sort();
}

const waiting: string[] = [];

beforeAll(async () => {
  let i = 0;
  for (const day of DAYS)
    for (const bidang of BIDANG) {
      const id = await submit(i % 2 ? juai.cookie : paringin.cookie, i % 2 ? "juai" : "paringin", day, bidang);
      // Most are verified, each after its own wait (its arrival moved back by it); some wait still.
      if (i % 4 === 3) waiting.push(id);
      else {
        await verify(id);
        await sql(`UPDATE reports SET received_at = received_at - make_interval(secs => :wait) WHERE id = :id`, { id, wait: WAITS[i % WAITS.length] });
      }
      i++;
    }
  await t.services.rollups.rebuildPeriod("month", MONTH);
});

describe("rebuilding the rollups", () => {
  it("puts each verified report's wait in the bucket its first verification in the trail gives", async () => {
    const raw = await sql<{ day: string; kecamatan_kode: string; bidang: string; seconds: number }>(
      `SELECT to_char(rollup_day(r.kind, r.period, r.occurred_at), 'YYYY-MM-DD') AS day, r.kecamatan_kode, r.bidang,
              extract(epoch FROM min(e.at) - r.received_at)::float8 AS seconds
       FROM reports r JOIN report_events e ON e.report_id = r.id AND e.to_status = 'verified'
       WHERE r.kind = 'situation' AND r.status IN ('verified', 'published') AND rollup_day(r.kind, r.period, r.occurred_at) BETWEEN :from AND :to
       GROUP BY r.id`,
      { from: `${MONTH}-01`, to: `${MONTH}-31` },
    );
    // This run's nine, and any an earlier run against the same database left in the month.
    expect(raw.length).toBeGreaterThanOrEqual(9);
    const expected = new Map<string, number>();
    const add = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
    for (const r of raw) {
      const b = bucketOf(r.seconds);
      for (const [k, bd] of [[r.kecamatan_kode, r.bidang], [r.kecamatan_kode, "*"], ["*", r.bidang], ["*", "*"]]) add(`${r.day}|${k}|${bd}|${b}`);
    }
    expect(new Set([...expected.keys()].map((k) => k.split("|")[3])).size).toBeGreaterThan(4);
    const stored = await sql<{ key: string; n: number }>(
      `SELECT concat_ws('|', to_char(period_start, 'YYYY-MM-DD'), kecamatan_kode, bidang, bucket) AS key, n FROM rollup_verify_hist
       WHERE period_kind = 'day' AND period_start BETWEEN :from AND :to`,
      { from: `${MONTH}-01`, to: `${MONTH}-31` },
    );
    expect(new Map(stored.map((s) => [s.key, s.n]))).toEqual(expected);
  });

  it("writes nothing when nothing changed, and after a change ends where a rebuild from nothing ends", async () => {
    expect(await t.services.rollups.rebuildPeriod("month", MONTH)).toBe(0);
    // One more verification, and a rejection that empties its row of submitted reports (in the week,
    // month and quarter too): the incremental run rebuilds those days in those kecamatan only, and
    // adds the changes to the coarser periods.
    await verify(waiting[0]!);
    const rejected = await api(t, "POST", `/api/reports/${waiting[1]}/status`, { cookie: admin.cookie, body: { status: "rejected", version: 1, note: "Bukan kejadian" } });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const incremental = await t.services.rollups.rollUpChanges();
    expect(incremental.rows).toBeGreaterThan(0);
    const current = await rowsOfMonth();
    expect(current.length).toBeGreaterThan(50);

    await sql(`DELETE FROM rollup_counts WHERE period_kind = 'day' AND period_start BETWEEN :from AND :to`, { from: `${MONTH}-01`, to: `${MONTH}-31` });
    // The month's days, and every coarser period holding one of them: what rebuilding the month recomputes.
    // Days outside the month stay (other suites may have reports there: the database is shared in CI).
    await sql(`DELETE FROM rollup_verify_hist WHERE period_kind = 'day' AND period_start BETWEEN :from AND :to`, { from: `${MONTH}-01`, to: `${MONTH}-31` });
    await sql(`DELETE FROM rollup_verify_hist WHERE period_kind IN ('week', 'month') AND period_start BETWEEN :from AND :to`, { from: "2021-02-22", to: "2021-03-29" });
    await sql(`DELETE FROM rollup_verify_hist WHERE period_kind = 'quarter' AND period_start = '2021-01-01'`);
    expect((await rowsOfMonth()).length).toBeLessThan(current.length);
    expect(await t.services.rollups.rebuildPeriod("month", MONTH)).toBeGreaterThan(0);
    expect(await rowsOfMonth()).toEqual(current);
  });

  it("keeps a report's first verification at the earliest one in its trail, whoever appends it", async () => {
    const id = await submit(paringin.cookie, "paringin", "2021-05-04", "politik");
    const firstVerified = async () => (await sql<{ at: Date | null }>(`SELECT first_verified_at AS at FROM reports WHERE id = :id`, { id }))[0]!.at;
    expect(await firstVerified()).toBeNull();
    await verify(id);
    const verifiedAt = await firstVerified();
    const [trail] = await sql<{ at: Date }>(`SELECT min(at) AS at FROM report_events WHERE report_id = :id AND to_status = 'verified'`, { id });
    expect(verifiedAt).toEqual(trail!.at);
    // As a seed or an import writes the trail: an earlier verification moves it back; a later one, or
    // another status, leaves it.
    const append = (toStatus: string, shiftSeconds: number) =>
      sql(`INSERT INTO report_events (report_id, action, to_status, at) VALUES (:id, 'status_changed', :toStatus, CAST(:at AS timestamptz) + make_interval(secs => :shift))`, {
        id,
        toStatus,
        at: verifiedAt!.toISOString(),
        shift: shiftSeconds,
      });
    await append("verified", 3_600);
    await append("rejected", -7_200);
    expect(await firstVerified()).toEqual(verifiedAt);
    await append("verified", -600);
    expect((await firstVerified())!.getTime()).toBe(verifiedAt!.getTime() - 600_000);
  });
});
