import type { Sequelize } from "sequelize";
import { Bidang } from "@contract/reports.ts";
import { STATS_MAX_PERIODS, type StatsPeriod, type StatsSummary, type StatsSummaryQuery, type StatsSummaryRow, type StatsTrend, type StatsTrendQuery } from "@contract/rollups.ts";
import { regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import { forbidden, invalid } from "../core/errors.ts";
import { kindOfKey, periodOf, periodsCovering, periodStart, previousPeriod, witaDay, witaInstant } from "@contract/periods.ts";
import { getCountCells, getCountsByPeriod, getVerifyBucketsByCell, getVerifyBucketsByPeriod, SPLIT_COLUMNS, type CountFilter } from "./stats.repo.ts";
import { addInto, verifyTimesOf, type Histogram } from "./verify-histogram.ts";

export interface StatsServiceDeps {
  db: Sequelize;
  clock: Clock;
  /** Every kecamatan, for the rows of a summary (a kecamatan with nothing still gets its zero). */
  kecamatanCodes: () => Promise<string[]>;
}

interface Range {
  period: StatsPeriod;
  keys: string[];
  /** First days of the first and of the last period. */
  from: string;
  to: string;
}

/** Statistics for the dashboard, read from the rollups and kept to the reader's region. */
export function createStatsService({ db, clock, kecamatanCodes }: StatsServiceDeps) {
  function keyOf(period: StatsPeriod, bound: string, field: string): string {
    const kind = kindOfKey(bound);
    if (kind === period) return bound;
    if (kind === "day") return periodOf(period, bound);
    throw invalid("Input is not valid", { [field]: `must be a day or a ${period} period` });
  }

  function rangeOf(q: StatsSummaryQuery): Range {
    const period = q.period;
    const to = q.to ? keyOf(period, q.to, "to") : periodOf(period, witaDay(clock.now()));
    let from = to;
    if (q.from) from = keyOf(period, q.from, "from");
    else for (let i = 0; i < (period === "day" ? 29 : 11); i++) from = previousPeriod(period, from);
    if (from > to) throw invalid("Input is not valid", { from: "must not be after to" });
    const keys = periodsCovering(period, periodStart(period, from), periodStart(period, to));
    if (keys.length > STATS_MAX_PERIODS) throw invalid("Input is not valid", { from: `at most ${STATS_MAX_PERIODS} periods at once` });
    return { period, keys, from: periodStart(period, from), to: periodStart(period, to) };
  }

  /** The kecamatan asked for, within the reader's region; null: all of them. */
  function kecamatanOf(actor: Actor, requested: string[] | undefined): string[] | null {
    const region = scopeOf(actor, "stats.read") === "region" ? regionFilter(actor) : null;
    if (!region) return requested ?? null;
    if (requested?.some((k) => !region.includes(k))) throw forbidden("Outside your region");
    return requested ?? region;
  }

  function countFilter(range: Range, q: StatsSummaryQuery, kecamatan: string[] | null): CountFilter {
    return { period: range.period, from: range.from, to: range.to, kecamatan, bidang: q.bidang ?? null, kind: q.kind ?? null, status: q.status ?? null, kerawanan: q.kerawanan ?? null };
  }

  /** The histogram cells to add up: '*' rows stand for all when a dimension is not narrowed. */
  const cells = (kecamatan: string[] | null, bidang: string[] | undefined) => ({ kecamatan: kecamatan ?? ["*"], bidang: bidang ?? ["*"] });

  return {
    async trend(actor: Actor, q: StatsTrendQuery): Promise<StatsTrend> {
      const range = rangeOf(q);
      const kecamatan = kecamatanOf(actor, q.kecamatan);
      const split = q.groupBy === "none" ? null : SPLIT_COLUMNS[q.groupBy];
      const [counts, buckets] = await Promise.all([
        getCountsByPeriod(db, countFilter(range, q, kecamatan), split),
        getVerifyBucketsByPeriod(db, { period: range.period, from: range.from, to: range.to, ...cells(kecamatan, q.bidang) }),
      ]);
      const index = new Map(range.keys.map((k, i) => [periodStart(range.period, k), i]));
      const zeros = () => range.keys.map(() => 0);
      const total = zeros();
      const series = new Map<string | null, number[]>();
      for (const c of counts) {
        const i = index.get(c.start)!;
        total[i]! += c.n;
        if (!split) continue;
        const key = c.key === "" ? null : c.key;
        (series.get(key) ?? series.set(key, zeros()).get(key)!)[i]! += c.n;
      }
      const histograms = range.keys.map((): Histogram => new Map());
      for (const b of buckets) addInto(histograms[index.get(b.start)!]!, b.bucket, b.n);
      const verify = histograms.map(verifyTimesOf);
      return {
        period: range.period,
        from: range.keys[0]!,
        to: range.keys[range.keys.length - 1]!,
        groupBy: q.groupBy,
        periods: range.keys,
        x: range.keys.map((k) => witaInstant(periodStart(range.period, k)).getTime() / 1000),
        total,
        series: [...series.entries()].sort(([a], [b]) => (a ?? "").localeCompare(b ?? "")).map(([key, values]) => ({ key, values })),
        verify: { n: verify.map((v) => v.n), medianSeconds: verify.map((v) => v.medianSeconds), p90Seconds: verify.map((v) => v.p90Seconds) },
      };
    },

    async summary(actor: Actor, q: StatsSummaryQuery): Promise<StatsSummary> {
      const range = rangeOf(q);
      const kecamatan = kecamatanOf(actor, q.kecamatan);
      const base = cells(kecamatan, q.bidang);
      const [counts, buckets, allKecamatan] = await Promise.all([
        getCountCells(db, countFilter(range, q, kecamatan)),
        getVerifyBucketsByCell(db, {
          period: range.period,
          from: range.from,
          to: range.to,
          kecamatan: [...base.kecamatan, ...(kecamatan ? [] : await kecamatanCodes())],
          bidang: [...base.bidang, ...(q.bidang ? [] : Bidang.options)],
        }),
        kecamatanCodes(),
      ]);
      const rowKecamatan = (kecamatan ?? allKecamatan).slice().sort();
      const rowBidang = q.bidang ?? Bidang.options;
      const rows: StatsSummaryRow[] = [];
      const rowOf = (kec: string | null, bidang: string | null): StatsSummaryRow => {
        const row: StatsSummaryRow = { kecamatanKode: kec, bidang, total: 0, byStatus: {}, byKerawanan: {}, byKind: {}, verify: { n: 0, medianSeconds: null, p90Seconds: null } };
        for (const c of counts) {
          if ((kec && c.kecamatan_kode !== kec) || (bidang && c.bidang !== bidang)) continue;
          row.total += c.n;
          row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + c.n;
          row.byKerawanan[c.kerawanan] = (row.byKerawanan[c.kerawanan] ?? 0) + c.n;
          row.byKind[c.kind] = (row.byKind[c.kind] ?? 0) + c.n;
        }
        const ks = kec ? [kec] : base.kecamatan;
        const bs = bidang ? [bidang] : base.bidang;
        const histogram: Histogram = new Map();
        for (const b of buckets) if (ks.includes(b.kecamatan_kode) && bs.includes(b.bidang)) addInto(histogram, b.bucket, b.n);
        row.verify = verifyTimesOf(histogram);
        return row;
      };
      for (const kec of rowKecamatan) {
        for (const bidang of rowBidang) rows.push(rowOf(kec, bidang));
        rows.push(rowOf(kec, null));
      }
      for (const bidang of rowBidang) rows.push(rowOf(null, bidang));
      rows.push(rowOf(null, null));
      return { period: range.period, from: range.keys[0]!, to: range.keys[range.keys.length - 1]!, rows };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;

