import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { QueryTypes } from "sequelize";
import { beforeAll, describe, expect, it } from "vitest";
import { Bidang, DEFAULT_SUB_CATEGORIES, Kerawanan, ReportKind } from "@contract/reports.ts";
import type { StatsTrend } from "@contract/rollups.ts";
import { manualClock } from "../core/clock.ts";
import { api, useAccount } from "../test/accounts.ts";
import { dailyReport, POINTS, situationReport } from "../test/reports.ts";
import { useTestApp } from "../test/test-app.ts";
import { addDays, periodOf, periodStart, previousPeriod, witaDay, type PeriodKind } from "@contract/periods.ts";

const clock = manualClock(new Date());
const t = useTestApp({}, { clock });
const admin = useAccount(t, "admin");
const officer = useAccount(t, "officer", { kecamatanKode: "63.11.06" });
const juaiOfficer = useAccount(t, "officer", { kecamatanKode: "63.11.01" });
const juaiVerifier = useAccount(t, "verifier", { verifierRegions: ["63.11.01"] });

const wita = (day: string, time: string) => `${day}T${time}:00+08:00`;
const PLACES = { "63.11.06": POINTS.paringin, "63.11.01": POINTS.juai, "63.11.02": POINTS.halong } as const;

/** The incremental rollup and the duty check, as the scheduler would run them at the clock's next slot. */
async function nextScheduledRun() {
  clock.advance(15 * 60_000);
  await t.services.jobs.tick(["rollup-changes", "duty-check"]);
}

async function submit(cookie: string, report: object): Promise<{ id: string }> {
  const res = await api(t, "POST", "/api/reports", { cookie, body: report });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

async function decide(id: string, status: "verified" | "rejected" | "revision_requested") {
  const res = await api(t, "POST", `/api/reports/${id}/status`, { cookie: admin.cookie, body: { status, version: 1, note: status === "verified" ? undefined : "Lengkapi" } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function trend(query: string, cookie = admin.cookie): Promise<StatsTrend> {
  const res = await api(t, "GET", `/api/stats/trend?${query}`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

describe("rollups", () => {
  it("land a late report from an offline phone in last week, correcting that week's rollup and the officer's duty on the next run", async () => {
    const lastWeek = previousPeriod("week", periodOf("week", witaDay(clock.now())));
    const wednesday = addDays(periodStart("week", lastWeek), 2);
    const owes = await api(t, "PUT", `/api/duties/officers/${officer.id}`, { cookie: admin.cookie, body: { owesFrom: periodStart("week", lastWeek) } });
    expect(owes.status, JSON.stringify(owes.body)).toBe(200);
    await nextScheduledRun();
    const weekQuery = `period=week&from=${lastWeek}&to=${lastWeek}&kecamatan=63.11.06`;
    const dayQuery = `period=day&from=${wednesday}&to=${wednesday}&kecamatan=63.11.06`;
    const [weekBefore, dayBefore] = [(await trend(weekQuery)).total[0]!, (await trend(dayQuery)).total[0]!];
    const dutyOf = async () => {
      const res = await api(t, "GET", `/api/duties/scorecard/${officer.id}/reports?period=${lastWeek}`, { cookie: admin.cookie });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data.duties.find((d: { kind: string; period: string }) => d.kind === "daily" && d.period === wednesday);
    };
    expect((await dutyOf()).status).toBe("missing");

    // Written on Wednesday in a dead zone, sent when the phone found a signal today.
    await submit(officer.cookie, situationReport({ occurredAt: wita(wednesday, "10:00"), sentAt: wita(wednesday, "11:00") }));
    await submit(officer.cookie, { ...dailyReport(randomUUID(), wednesday), sentAt: wita(wednesday, "19:00"), occurredAt: wita(wednesday, "19:00") });
    expect((await trend(weekQuery)).total[0]).toBe(weekBefore);

    await nextScheduledRun();
    expect((await trend(weekQuery)).total[0]).toBe(weekBefore + 2);
    expect((await trend(dayQuery)).total[0]).toBe(dayBefore + 2);
    const duty = await dutyOf();
    expect(duty.status).toBe("on_time");
    expect(duty.sentAt).toBe(new Date(wita(wednesday, "19:00")).toISOString());
  });

  it("move a report sent back and revised to another day and kecamatan out of the old ones", async () => {
    const before = { day: "2026-09-03", kecamatan: "63.11.06" };
    const after = { day: "2026-09-10", kecamatan: "63.11.02" };
    const count = async (c: { day: string; kecamatan: string }) => (await trend(`period=day&from=${c.day}&to=${c.day}&kecamatan=${c.kecamatan}`)).total[0]!;
    await nextScheduledRun();
    const [oldBefore, newBefore] = [await count(before), await count(after)];
    const original = situationReport({ occurredAt: wita(before.day, "09:00"), sentAt: wita(before.day, "09:30") });
    const { id } = await submit(officer.cookie, original);
    await decide(id, "revision_requested");
    await nextScheduledRun();
    expect([await count(before), await count(after)]).toEqual([oldBefore + 1, newBefore]);
    await submit(officer.cookie, {
      ...original,
      clientId: randomUUID(),
      occurredAt: wita(after.day, "09:00"),
      location: { ...PLACES["63.11.02"], accuracyM: 10, source: "gps" },
      revises: { reportId: id, version: 2 },
    });
    await nextScheduledRun();
    expect([await count(before), await count(after)]).toEqual([oldBefore, newBefore + 1]);
  });

  describe("over a spread of reports", () => {
    const FIRST_DAY = "2026-09-20";
    const LAST_DAY = "2026-10-12";

    beforeAll(async () => {
      // Situation reports across a month end and a quarter end, in three kecamatan, of every bidang and
      // kerawanan; periodic reports; some verified, rejected or sent back.
      const rand = fc.sample(
        fc.record({ day: fc.integer({ min: 0, max: 22 }), hour: fc.integer({ min: 0, max: 23 }), bidang: fc.constantFrom(...Bidang.options), kerawanan: fc.constantFrom(...Kerawanan.options), place: fc.constantFrom("63.11.06", "63.11.01", "63.11.02") as fc.Arbitrary<keyof typeof PLACES>, decision: fc.constantFrom("none", "verified", "verified", "rejected", "revision_requested") }),
        { numRuns: 36, seed: 1511 },
      );
      for (const r of rand) {
        const at = wita(addDays(FIRST_DAY, r.day), `${String(r.hour).padStart(2, "0")}:30`);
        const { id } = await submit(r.place === "63.11.01" ? juaiOfficer.cookie : officer.cookie, situationReport({ occurredAt: at, sentAt: at, bidang: r.bidang, subCategory: DEFAULT_SUB_CATEGORIES[r.bidang][0], kerawanan: r.kerawanan, location: { ...PLACES[r.place], accuracyM: 10, source: "gps" } }));
        if (r.decision !== "none") await decide(id, r.decision as "verified");
      }
      for (const day of ["2026-09-30", "2026-10-01"]) await submit(officer.cookie, dailyReport(randomUUID(), day));
      await submit(officer.cookie, { ...dailyReport(randomUUID(), "2026-W40"), kind: "weekly", period: "2026-W40", body: { tallies: { unjuk_rasa: 2 } } });
      await submit(juaiOfficer.cookie, { ...dailyReport(randomUUID(), "2026-09"), kind: "monthly", period: "2026-09", body: { athg: {} }, location: { ...POINTS.juai, accuracyM: null, source: "pin" } });
      await nextScheduledRun();
    });

    it("give totals equal to counting the raw reports, for random filters (property)", async () => {
      const raw = await t.db.sequelize.query<{ kind: string; period: string | null; occurred_at: Date; kecamatan_kode: string; bidang: string | null; kerawanan: string; status: string }>(
        `SELECT kind, period, occurred_at, kecamatan_kode, bidang, kerawanan, status FROM reports`,
        { type: QueryTypes.SELECT },
      );
      const PERIOD_OF_KIND: Record<string, PeriodKind> = { daily: "day", weekly: "week", monthly: "month" };
      // The counting rule, restated in TypeScript apart from the SQL: where each report counts.
      const dayOf = (r: (typeof raw)[number]) => (r.kind === "situation" ? witaDay(new Date(r.occurred_at)) : periodStart(PERIOD_OF_KIND[r.kind]!, r.period!));
      const subset = <T>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined, freq: 1 });
      const filter = fc.record({
        period: fc.constantFrom<PeriodKind>("day", "week", "month", "quarter"),
        from: fc.integer({ min: -10, max: 30 }),
        span: fc.integer({ min: 0, max: 40 }),
        kecamatan: subset(["63.11.06", "63.11.01", "63.11.02", "63.11.04"]),
        bidang: subset(Bidang.options),
        kind: subset(ReportKind.options),
        status: subset(["submitted", "verified", "rejected", "revision_requested"]),
        kerawanan: subset(Kerawanan.options),
        groupBy: fc.constantFrom("none", "kecamatan", "bidang", "kerawanan", "status", "kind"),
      });
      let nonEmpty = 0;
      await fc.assert(
        fc.asyncProperty(filter, async (f) => {
          const fromDay = addDays(FIRST_DAY, f.from);
          const toDay = addDays(fromDay, f.span);
          const params = new URLSearchParams({ period: f.period, from: fromDay, to: toDay, groupBy: f.groupBy });
          for (const key of ["kecamatan", "bidang", "kind", "status", "kerawanan"] as const) if (f[key]) params.set(key, f[key]!.join(","));
          const got = await trend(params.toString());
          const index = new Map(got.periods.map((p, i) => [p, i]));
          const total = got.periods.map(() => 0);
          const series = new Map<string | null, number[]>();
          for (const r of raw) {
            const i = index.get(periodOf(f.period, dayOf(r)));
            if (i === undefined) continue;
            if (f.kecamatan && !f.kecamatan.includes(r.kecamatan_kode)) continue;
            if (f.bidang && !(f.bidang as string[]).includes(r.bidang ?? "")) continue;
            if (f.kind && !(f.kind as string[]).includes(r.kind)) continue;
            if (f.status && !f.status.includes(r.status)) continue;
            if (f.kerawanan && !(f.kerawanan as string[]).includes(r.kerawanan)) continue;
            total[i]!++;
            const column = { none: null, kecamatan: r.kecamatan_kode, bidang: r.bidang, kerawanan: r.kerawanan, status: r.status, kind: r.kind }[f.groupBy];
            if (f.groupBy !== "none") (series.get(column) ?? series.set(column, got.periods.map(() => 0)).get(column)!)[i]!++;
          }
          if (total.some((n) => n > 0)) nonEmpty++;
          expect(got.periods[0]).toBe(periodOf(f.period, fromDay));
          expect(got.total).toEqual(total);
          expect(new Map(got.series.map((s) => [s.key, s.values]))).toEqual(series);
        }),
        { numRuns: 60, seed: 15 },
      );
      // Filters that match nothing prove little: most must have matched something.
      expect(nonEmpty).toBeGreaterThan(30);
    });

    it("count the verified situation reports in the time-to-verify figures", async () => {
      const [counted] = await t.db.sequelize.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports r WHERE kind = 'situation' AND status IN ('verified', 'published')
           AND (occurred_at AT TIME ZONE 'Asia/Makassar')::date BETWEEN :from AND :to
           AND EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id AND e.to_status = 'verified')`,
        { replacements: { from: "2026-09-01", to: "2026-10-31" }, type: QueryTypes.SELECT },
      );
      const n = counted!.n;
      const months = await trend("period=month&from=2026-09&to=2026-10");
      expect(months.verify.n[0]! + months.verify.n[1]!).toBe(n);
      expect(n).toBeGreaterThan(0);
      // Verified within seconds of arriving, in this test: the first bucket, under a minute.
      expect(months.verify.medianSeconds.filter((v) => v !== null).every((v) => v! < 60)).toBe(true);
      // The same two months as the count: other suites verify reports of this month in the shared database.
      const res = await api(t, "GET", "/api/stats/summary?period=month&from=2026-09&to=2026-10", { cookie: admin.cookie });
      expect(res.status).toBe(200);
      const rows = res.body.data.rows as { kecamatanKode: string | null; bidang: string | null; total: number; verify: { n: number } }[];
      const overall = rows[rows.length - 1]!;
      expect([overall.kecamatanKode, overall.bidang]).toEqual([null, null]);
      expect(overall.verify.n).toBe(n);
      expect(rows.filter((r) => r.kecamatanKode && r.bidang === null).reduce((sum, r) => sum + r.total, 0)).toBe(overall.total);
    });

    it("keep a verifier to their region", async () => {
      const outside = await api(t, "GET", "/api/stats/trend?period=month&kecamatan=63.11.06", { cookie: juaiVerifier.cookie });
      expect(outside.status).toBe(403);
      const own = await trend("period=month&from=2026-09&to=2026-10", juaiVerifier.cookie);
      const juai = await trend("period=month&from=2026-09&to=2026-10&kecamatan=63.11.01");
      expect(own.total).toEqual(juai.total);
      const summary = await api(t, "GET", "/api/stats/summary?period=month&from=2026-09&to=2026-10", { cookie: juaiVerifier.cookie });
      expect(new Set(summary.body.data.rows.map((r: { kecamatanKode: string | null }) => r.kecamatanKode))).toEqual(new Set(["63.11.01", null]));
      expect((await api(t, "GET", "/api/stats/trend", { cookie: officer.cookie })).status).toBe(403);
    });

    it("refuse a range that is not one", async () => {
      expect((await api(t, "GET", "/api/stats/trend?period=week&from=2026-13", { cookie: admin.cookie })).status).toBe(400);
      expect((await api(t, "GET", "/api/stats/trend?period=week&from=2026-10-10&to=2026-10-01", { cookie: admin.cookie })).status).toBe(400);
      expect((await api(t, "GET", "/api/stats/trend?period=day&from=2024-01-01&to=2026-01-01", { cookie: admin.cookie })).status).toBe(400);
    });
  });
});
