import type { AlertSeverity, SpikeParams } from "@contract/alerts.ts";
import type { z } from "zod";
import { poissonTailAtLeast } from "../poisson.ts";
import { BIDANG_LABEL, HOUR_MS, type AlertRuleModule, type Finding } from "./rule.ts";
import { spikeCounts } from "./rules.repo.ts";

type Params = z.infer<typeof SpikeParams>;

/** The windows a spike is looked for in: the last day and the last week. */
export const SPIKE_WINDOWS = [
  { name: "24 jam", hours: 24 },
  { name: "7 hari", hours: 24 * 7 },
] as const;
const LONGEST_WINDOW_H = 24 * 7;

export interface SpikeTest {
  window: (typeof SPIKE_WINDOWS)[number]["name"];
  count: number;
  expected: number;
  p: number;
}

/**
 * The expected count for a window from the baseline: the kecamatan × bidang's own reports in the
 * `baselineDays` before the longest window (so this week's burst never raises its own bar), scaled to the
 * window's length. Half a report is added to the baseline so a kecamatan that has been quiet for four weeks
 * does not alarm on its first report (λ is never 0).
 */
export function expectedCount(baseCount: number, baselineDays: number, windowHours: number): number {
  return ((baseCount + 0.5) * windowHours) / (baselineDays * 24);
}

/** The most surprising of the windows, if it is a spike: p < alpha and at least `minCount` reports. */
export function spikeTest(counts: { day: number; week: number; base: number }, params: Params): SpikeTest | null {
  let worst: SpikeTest | null = null;
  for (const w of SPIKE_WINDOWS) {
    const count = w.hours === 24 ? counts.day : counts.week;
    if (count < params.minCount) continue;
    const expected = expectedCount(counts.base, params.baselineDays, w.hours);
    const p = poissonTailAtLeast(count, expected);
    if (p < params.alpha && (!worst || p < worst.p)) worst = { window: w.name, count, expected, p };
  }
  return worst;
}

/** Severity by how far below alpha: waspada under alpha, siaga under alpha/100, awas under alpha/10⁴. */
export function spikeSeverity(p: number, alpha: number): AlertSeverity {
  if (p < alpha / 10_000) return "awas";
  if (p < alpha / 100) return "siaga";
  return "waspada";
}

/**
 * A kecamatan's count for a bidang far above its own baseline: a one-sided Poisson test of the last 24 h
 * and of the last 7 days against the `baselineDays` before that week (docs/early-warning.md has the method
 * and its false-alarm rate on the demo data). Situation reports by when they happened; rejected ones do
 * not count.
 */
export const spikeRule: AlertRuleModule<Params> = {
  rule: "spike",
  async evaluate({ db, transaction, now, params, kecamatanNama }) {
    const t = now.getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const rows = await spikeCounts(
      db,
      {
        now: iso(t),
        day: iso(t - 24 * HOUR_MS),
        week: iso(t - LONGEST_WINDOW_H * HOUR_MS),
        base: iso(t - LONGEST_WINDOW_H * HOUR_MS - params.baselineDays * 24 * HOUR_MS),
        minCount: params.minCount,
      },
      transaction,
    );
    const findings: Finding[] = [];
    for (const r of rows) {
      const test = spikeTest({ day: r.day_count, week: r.week_count, base: r.base_count }, params);
      if (!test) continue;
      const where = kecamatanNama.get(r.kecamatan_kode) ?? r.kecamatan_kode;
      findings.push({
        rule: "spike",
        key: `spike:${r.kecamatan_kode}:${r.bidang}`,
        severity: spikeSeverity(test.p, params.alpha),
        kecamatanKode: r.kecamatan_kode,
        bidang: r.bidang,
        title: `Lonjakan laporan ${BIDANG_LABEL[r.bidang]} di ${where}`,
        summary: `${test.count} laporan dalam ${test.window} terakhir; biasanya sekitar ${test.expected.toFixed(1)}.`,
        metrics: { window: test.window, count: test.count, expected: Number(test.expected.toFixed(3)), p: Number(test.p.toPrecision(3)), baselineReports: r.base_count },
        reportIds: (test.window === "24 jam" ? r.day_ids : r.week_ids) ?? [],
        areaGeoJson: null,
      });
    }
    return findings;
  },
};
