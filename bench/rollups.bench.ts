/**
 * Rollups on a year of reports (1M by default, seeded with SQL: `generate_series` and a seeded random(),
 * the same rows every run). Measured in one run:
 * - the statistics page's queries through the HTTP API (read from the rollups) against the naive
 *   `GROUP BY` over the raw reports that answers the same counts — the ratio;
 * - a full recompute of one quarter (rollups.rebuildPeriod) against the naive `GROUP BY` of its days
 *   (and once more with the quarter's rollup rows deleted first, for the record);
 * - the incremental rollup (rollups.rollUpChanges) after 1,000 new reports sent through the API (990 of
 *   the day, 10 from offline phones a few days late), against the full recompute.
 * Targets (checks): quarter recompute ≤ 5 s; incremental ≤ 1/20 of the full recompute; statistics p95 ≤ 50 ms.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { defineBench } from "./lib/harness.ts";
import { spawnBenchServer, type AccountSpec } from "./lib/server.ts";
import { loginAll } from "./lib/sessions.ts";
import { keepAliveAgent, type HttpAnswer } from "./lib/http.ts";
import { median, summarizeLatencies } from "./lib/stats.ts";
import { seededRandom } from "./lib/random.ts";
import { openDatabase } from "../server/core/db.ts";
import { createRollupsService } from "../server/rollups/rollups.service.ts";
import { addDays, daysFrom } from "../server/contract/periods.ts";
import { situationReport } from "../server/test/reports.ts";
import { DEFAULT_SUB_CATEGORIES } from "../server/contract/reports.ts";

/** Reports seeded: 1M on PostgreSQL; the embedded database takes a tenth unless told otherwise. */
const reportsFor = (mode: string) => Number(process.env.ROLLUPS_BENCH_REPORTS ?? (mode === "postgres" ? 1_000_000 : 100_000));
const FIRST_DAY = "2025-10-01";
const LAST_DAY = "2026-09-30";
const QUARTER = "2026-Q3";
const NEW_REPORTS = 1_000;
const ROUNDS = 3;
const PAGE_ROUNDS = 40;
const NAIVE_ROUNDS = 3;
const KECAMATAN = ["63.11.01", "63.11.02", "63.11.03", "63.11.04", "63.11.05", "63.11.06", "63.11.07", "63.11.08"];

/** The statistics page's queries: what the dashboard asks, and the naive SQL answering the same counts. */
const PAGE: { name: string; api: string; naive: string }[] = [
  {
    name: "weekly trend by bidang, a year of situation reports",
    api: `/api/stats/trend?period=week&from=${FIRST_DAY}&to=${LAST_DAY}&kind=situation&groupBy=bidang`,
    naive: `SELECT date_trunc('week', occurred_at AT TIME ZONE 'Asia/Makassar') AS w, bidang, count(*) FROM reports
            WHERE kind = 'situation' AND occurred_at >= '${FIRST_DAY}T00:00:00+08:00' AND occurred_at < '2026-10-05T00:00:00+08:00' GROUP BY 1, 2`,
  },
  {
    name: "monthly trend by kecamatan, a year",
    api: `/api/stats/trend?period=month&from=${FIRST_DAY}&to=${LAST_DAY}&groupBy=kecamatan`,
    naive: `SELECT date_trunc('month', occurred_at AT TIME ZONE 'Asia/Makassar') AS m, kecamatan_kode, count(*) FROM reports
            WHERE occurred_at >= '${FIRST_DAY}T00:00:00+08:00' AND occurred_at < '2026-10-01T00:00:00+08:00' GROUP BY 1, 2`,
  },
  {
    name: "daily trend by kerawanan, 90 days, one kecamatan",
    api: `/api/stats/trend?period=day&from=2026-07-03&to=${LAST_DAY}&kecamatan=63.11.06&groupBy=kerawanan`,
    naive: `SELECT (occurred_at AT TIME ZONE 'Asia/Makassar')::date AS d, kerawanan, count(*) FROM reports
            WHERE kecamatan_kode = '63.11.06' AND occurred_at >= '2026-07-03T00:00:00+08:00' AND occurred_at < '2026-10-01T00:00:00+08:00' GROUP BY 1, 2`,
  },
  {
    name: "summary table of a quarter by month",
    api: `/api/stats/summary?period=month&from=2026-07&to=2026-09`,
    naive: `SELECT kecamatan_kode, bidang, kerawanan, status, kind, count(*) FROM reports
            WHERE occurred_at >= '2026-07-01T00:00:00+08:00' AND occurred_at < '2026-10-01T00:00:00+08:00' GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    name: "summary table of the year by quarter",
    api: `/api/stats/summary?period=quarter&from=2025-Q4&to=2026-Q3`,
    naive: `SELECT kecamatan_kode, bidang, kerawanan, status, kind, count(*) FROM reports
            WHERE occurred_at >= '${FIRST_DAY}T00:00:00+08:00' AND occurred_at < '2026-10-01T00:00:00+08:00' GROUP BY 1, 2, 3, 4, 5`,
  },
];

/** The reports table's indexes other than its constraints: dropped for the bulk load, built again after it. */
const LOAD_INDEXES = `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indexrelid::regclass::text AS name FROM pg_index i
  WHERE i.indrelid IN ('reports'::regclass, 'report_events'::regclass)
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`;

/** A year of situation reports from the officers (one per kecamatan), their verifications, and periodic reports. */
function seedSql(officers: Record<string, string>, reports: number) {
  const authors = JSON.stringify(officers).replace(/'/g, "''");
  return [
    `SELECT setseed(0.15)`,
    `INSERT INTO reports (client_id, number, author_id, kind, period, classification, bidang, perihal, kerawanan, body,
                          occurred_at, sent_at, received_at, location, location_source, kecamatan_kode, status, first_verified_at)
     SELECT md5('bench-s-' || x.g)::uuid, 'B-' || x.g, (CAST('${authors}' AS jsonb) ->> r.kode)::uuid, 'situation', NULL, 'biasa',
            (ARRAY['ideologi','politik','ekonomi','sosial-budaya','pertahanan-keamanan'])[1 + floor(x.b * 5)::int],
            'Laporan uji', (ARRAY['rendah','rendah','sedang','sedang','tinggi','sangat_tinggi'])[1 + floor(x.w * 6)::int], '{}',
            x.occ, x.occ + interval '5 minutes', x.received, r.pt, 'gps', r.kode,
            CASE WHEN x.s < 0.2 THEN 'submitted' WHEN x.s < 0.75 THEN 'verified' WHEN x.s < 0.85 THEN 'published'
                 WHEN x.s < 0.95 THEN 'rejected' ELSE 'revision_requested' END,
            CASE WHEN x.s >= 0.2 AND x.s < 0.85 THEN x.received + (60 + x.v ^ 3 * 259200) * interval '1 second' END
     FROM (SELECT g, floor(random() * 8)::int AS k, random() AS b, random() AS w, random() AS s, random() AS late, random() AS v,
                  TIMESTAMPTZ '${FIRST_DAY}T00:00:00+08:00' + random() * interval '365 days' AS occ
           FROM generate_series(1, ${reports}) g) x0
           CROSS JOIN LATERAL (SELECT x0.*, x0.occ + CASE WHEN x0.late < 0.02 THEN x0.late * 500 * interval '1 day' ELSE x0.late * interval '6 hours' END AS received) x
     JOIN (SELECT row_number() OVER (ORDER BY kode)::int - 1 AS k, kode, ST_PointOnSurface(geom) AS pt FROM regions WHERE level = 'kecamatan') r
       ON r.k = x.k
     -- In the order the server received them, as a table filled by intake is laid out.
     ORDER BY x.received`,
    `INSERT INTO reports (client_id, number, author_id, kind, period, classification, perihal, kerawanan, body,
                          occurred_at, sent_at, received_at, location, location_source, kecamatan_kode, status, first_verified_at)
     SELECT md5('bench-p-' || p.kind || p.period || r.kode)::uuid, 'BP-' || p.kind || '-' || p.period || '-' || r.kode,
            (CAST('${authors}' AS jsonb) ->> r.kode)::uuid, p.kind, p.period, 'biasa', 'Laporan berkala', 'rendah', '{}',
            p.at, p.at, p.at + interval '1 hour', r.pt, 'pin', r.kode, 'verified', p.at + interval '1 hour' + (60 + random() ^ 3 * 259200) * interval '1 second'
     FROM (SELECT 'daily' AS kind, to_char(d, 'YYYY-MM-DD') AS period, d + interval '19 hours' AS at FROM generate_series(DATE '${FIRST_DAY}', DATE '${LAST_DAY}', interval '1 day') d
           UNION ALL SELECT 'weekly', to_char(d, 'IYYY-"W"IW'), d + interval '7 days 9 hours' FROM generate_series(DATE '2025-10-06', DATE '2026-09-21', interval '7 days') d
           UNION ALL SELECT 'monthly', to_char(d, 'YYYY-MM'), d + interval '1 month 3 days' FROM generate_series(DATE '${FIRST_DAY}', DATE '2026-09-01', interval '1 month') d) p
     CROSS JOIN (SELECT kode, ST_PointOnSurface(geom) AS pt FROM regions WHERE level = 'kecamatan') r
     WHERE random() < 0.9`,
    // The verifications, at the instants the reports already carry as first_verified_at: the trail's
    // trigger (migration 0017) then finds nothing to change, as after live verifications, instead of
    // rewriting 650k freshly loaded rows.
    `INSERT INTO report_events (report_id, action, from_status, to_status, at)
     SELECT id, 'status_changed', 'submitted', 'verified', first_verified_at
     FROM reports WHERE status IN ('verified', 'published') ORDER BY 5`,
  ];
}

export default defineBench({
  name: "rollups",
  metric: "statistics page query p95, from the rollups vs naive GROUP BY over the reports",
  unit: "ms",
  better: "lower",
  target: 1,
  timeoutMs: 90 * 60_000,
  async run(ctx) {
    const specs: AccountSpec[] = [...KECAMATAN.map((kecamatanKode) => ({ role: "officer" as const, count: 1, kecamatanKode })), { role: "admin", count: 1 }];
    const server = await spawnBenchServer({ poolMax: 8, accounts: specs, env: { SOCKET_EVENTS_PER_SECOND: "100000" } });
    ctx.onCleanup(() => server.stop());
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 4 });
    ctx.onCleanup(() => pool.end());
    const db = await openDatabase({ url: server.databaseUrl, urlIsEmbedded: server.mode === "embedded", dataDir: "", poolMax: 2, log: ctx.log });
    ctx.onCleanup(() => db.close());
    const rollups = createRollupsService(db.sequelize);
    const timed = async <T>(fn: () => Promise<T>) => {
      const started = performance.now();
      const value = await fn();
      return { ms: performance.now() - started, value };
    };
    const officers = Object.fromEntries(KECAMATAN.map((k, i) => [k, server.accounts[i]!.id]));
    const [preexisting] = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM reports`)).rows;

    // Seed: bulk load without the secondary indexes, then build them in one go.
    const indexes = (await pool.query<{ def: string; name: string }>(LOAD_INDEXES)).rows;
    const seed = await timed(async () => {
      for (const ix of indexes) await pool.query(`DROP INDEX ${ix.name}`);
      for (const sql of seedSql(officers, reportsFor(server.mode))) await pool.query(sql);
      for (const ix of indexes) await pool.query(ix.def);
      // As autovacuum leaves tables that only grow: statistics, and a visibility map for index-only scans.
      await pool.query(`VACUUM ANALYZE reports`);
      await pool.query(`VACUUM ANALYZE report_events`);
    });
    const [{ n: total }] = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM reports`)).rows as [{ n: string }];
    ctx.log.warn({ reports: Number(total), ms: Math.round(seed.ms) }, "rollups bench: seeded");

    const yearBuild = await timed(() => rollups.rebuildDays(daysFrom(FIRST_DAY, LAST_DAY)));
    await rollups.rollUpChanges();
    // Steady state: what autovacuum would have done by now on the rollups, which are rewritten often.
    const vacuum = async () => {
      await pool.query(`VACUUM ANALYZE rollup_counts`);
      await pool.query(`VACUUM ANALYZE rollup_verify_hist`);
    };
    await vacuum();

    const naiveQuarterSql = `SELECT rollup_day(kind, period, occurred_at) AS day, kecamatan_kode, coalesce(bidang, ''), kerawanan, status, kind, count(*)
      FROM reports WHERE rollup_day(kind, period, occurred_at) BETWEEN DATE '2026-07-01' AND DATE '2026-09-30' GROUP BY 1, 2, 3, 4, 5, 6`;
    const quarter: number[] = [];
    const naiveQuarter: number[] = [];
    const incremental: number[] = [];
    const incrementalDetails: unknown[] = [];
    const cookies = await loginAll(server.baseUrl, server.accounts);
    const rand = seededRandom(0x1515);
    let errors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      quarter.push((await timed(() => rollups.rebuildPeriod("quarter", QUARTER))).ms);
      naiveQuarter.push((await timed(() => pool.query(naiveQuarterSql))).ms);
      errors += await sendNewReports(server.baseUrl, cookies.slice(0, KECAMATAN.length), rand);
      const inc = await timed(() => rollups.rollUpChanges());
      incremental.push(inc.ms);
      incrementalDetails.push({ ms: Math.round(inc.ms), ...inc.value });
    }

    // For the record: the same recompute when the quarter's rows are not there (every row written).
    // Its days, and every week, month and quarter the recompute rebuilds (W27 begins on 29 June).
    const quarterRows = `(period_kind = 'day' AND period_start BETWEEN '2026-07-01' AND '2026-09-30') OR (period_kind <> 'day' AND period_start BETWEEN '2026-06-29' AND '2026-09-30')`;
    await pool.query(`DELETE FROM rollup_counts WHERE ${quarterRows}`);
    await pool.query(`DELETE FROM rollup_verify_hist WHERE ${quarterRows}`);
    const fromEmpty = await timed(() => rollups.rebuildPeriod("quarter", QUARTER));

    await vacuum();
    // The statistics page through the API, as an admin; then the naive queries for the same counts.
    const agent = keepAliveAgent(1);
    ctx.onCleanup(() => agent.destroy());
    const admin = cookies[KECAMATAN.length]!;
    const pageSamples: number[] = [];
    const perQuery: Record<string, number[]> = {};
    for (let round = 0; round < PAGE_ROUNDS + 2; round++)
      for (const q of PAGE) {
        const { ms, value } = await timed(() => httpGetWithCookie(agent, server.baseUrl + q.api, admin));
        if (value.status !== 200) errors++;
        if (round < 2) continue; // warm-up
        pageSamples.push(ms);
        (perQuery[q.name] ??= []).push(ms);
      }
    const naiveSamples: number[] = [];
    for (let round = 0; round < NAIVE_ROUNDS; round++) for (const q of PAGE) naiveSamples.push((await timed(() => pool.query(q.naive))).ms);

    // The rollups must say what the reports say: the year's total from the API against count(*).
    const check = await httpGetWithCookie(agent, `${server.baseUrl}/api/stats/summary?period=quarter&from=2025-Q4&to=2026-Q4`, admin);
    const rows = (JSON.parse(check.body) as { data: { rows: { kecamatanKode: string | null; bidang: string | null; total: number }[] } }).data.rows;
    const [{ n: counted }] = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM reports WHERE rollup_day(kind, period, occurred_at) BETWEEN DATE '${FIRST_DAY}' AND DATE '2026-12-31'`)).rows as [{ n: string }];
    const apiTotal = rows[rows.length - 1]!.total;
    if (apiTotal !== Number(counted)) errors++;

    const page = summarizeLatencies(pageSamples);
    const pageP95 = percentile(pageSamples, 0.95);
    const naiveP95 = percentile(naiveSamples, 0.95);
    const quarterMs = median(quarter);
    const incrementalMs = median(incremental);
    return {
      project: round1(pageP95),
      baseline: round1(naiveP95),
      mode: server.mode,
      errors,
      checks: [
        { name: "quarter recompute", value: Math.round(quarterMs), limit: 5000, unit: "ms", better: "lower" },
        { name: "incremental after 1,000 reports ÷ quarter recompute", value: round3(incrementalMs / quarterMs), limit: 0.05, unit: "×", better: "lower" },
        { name: "statistics page query p95", value: round1(pageP95), limit: 50, unit: "ms", better: "lower" },
      ],
      details: {
        reports: Number(total),
        preexistingReports: Number(preexisting?.n ?? 0),
        seed: "SQL generate_series with setseed(0.15), stored in arrival order: situation reports over a year in 8 kecamatan (2% arriving up to 10 days late), 90% of the officers' daily/weekly/monthly reports, verifications 1 min – 3 days after arrival (first_verified_at and the trail written together)",
        machine: "2 cores shared with other sessions' test runs: read /proc/pressure/cpu (in `cpuPressure`) before trusting absolute figures",
        cpuPressure: readCpuPressure(),
        seedMs: Math.round(seed.ms),
        yearBuildMs: Math.round(yearBuild.ms),
        quarter: {
          key: QUARTER,
          recomputeMs: quarter.map(Math.round),
          naiveGroupByMs: naiveQuarter.map(Math.round),
          medianMs: Math.round(quarterMs),
          naiveMedianMs: Math.round(median(naiveQuarter)),
          // Rows of a current quarter are recomputed and compared, and only changes written: the rounds
          // above write next to nothing. From empty, every row of the quarter is written.
          fromEmpty: { ms: Math.round(fromEmpty.ms), rowsWritten: fromEmpty.value },
        },
        incremental: { newReportsPerRound: NEW_REPORTS, rounds: incrementalDetails, medianMs: Math.round(incrementalMs), ofQuarter: round3(incrementalMs / quarterMs), ofNaiveQuarter: round3(incrementalMs / median(naiveQuarter)) },
        statisticsPage: { queries: PAGE.map((q) => q.api), rounds: PAGE_ROUNDS, latency: page, p95: round1(pageP95), perQueryP95: Object.fromEntries(Object.entries(perQuery).map(([k, v]) => [k, round1(percentile(v, 0.95))])) },
        naive: { rounds: NAIVE_ROUNDS, latency: summarizeLatencies(naiveSamples), p95: round1(naiveP95), perQueryMs: PAGE.map((q, i) => [q.name, naiveSamples.filter((_, j) => j % PAGE.length === i).map(Math.round)]) },
        totalCheck: { api: apiTotal, countStar: Number(counted) },
      },
    };
  },
});

/** 1,000 reports through the API: 990 of the dataset's last day, 10 written offline 3–7 days before. */
async function sendNewReports(baseUrl: string, cookies: string[], rand: () => number): Promise<number> {
  let errors = 0;
  let next = 0;
  const bidang = ["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"] as const;
  await Promise.all(
    cookies.map(async (cookie) => {
      while (next < NEW_REPORTS) {
        const i = next++;
        const day = i < NEW_REPORTS - 10 ? LAST_DAY : addDays(LAST_DAY, -3 - Math.floor(rand() * 5));
        const at = `${day}T${String(Math.floor(rand() * 24)).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}:00+08:00`;
        const b = bidang[Math.floor(rand() * bidang.length)]!;
        const body = situationReport({ occurredAt: at, sentAt: at, bidang: b, subCategory: DEFAULT_SUB_CATEGORIES[b][0] });
        const res = await fetch(`${baseUrl}/api/reports`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
        await res.arrayBuffer();
        if (res.status !== 201) errors++;
      }
    }),
  );
  return errors;
}

/** GET with a session cookie over the keep-alive agent (node:http, as bench/lib/http.ts does it). */
function httpGetWithCookie(agent: http.Agent, url: string, cookie: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie }, timeout: 60_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** The kernel's CPU pressure (share of time some task waited for a CPU, over 10/60/300 s), when it has it. */
function readCpuPressure(): string | null {
  try {
    return readFileSync("/proc/pressure/cpu", "utf8").split("\n")[0] ?? null;
  } catch {
    return null;
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round3 = (v: number) => Math.round(v * 1000) / 1000;
