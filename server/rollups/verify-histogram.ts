import type { VerifyTimes } from "@contract/rollups.ts";

/**
 * Time-to-verify histograms (see migration 0014): bucket 0 holds durations under a minute, bucket b ≥ 1
 * holds [60·2^((b−1)/4), 60·2^(b/4)) seconds. Histograms add up, so a week's is the sum of its days' and
 * a region's the sum of its kecamatan's, which exact percentiles would not allow.
 */

/** bucket → count */
export type Histogram = Map<number, number>;

/** The bucket of a duration, as the SQL in rollup-rebuild.repo.ts computes it. */
export function bucketOf(seconds: number): number {
  return seconds < 60 ? 0 : 1 + Math.floor(4 * Math.log2(seconds / 60));
}

/** A bucket's representative value: its geometric middle (30 s for the first). */
export function bucketValue(bucket: number): number {
  return bucket === 0 ? 30 : Math.round(60 * 2 ** ((bucket - 0.5) / 4));
}

export function addInto(into: Histogram, bucket: number, n: number): Histogram {
  into.set(bucket, (into.get(bucket) ?? 0) + n);
  return into;
}

/** The value at quantile q (0 < q ≤ 1): the bucket holding the ⌈q·n⌉-th smallest duration. */
function quantile(sorted: [number, number][], n: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const [bucket, count] of sorted) {
    seen += count;
    if (seen >= rank) return bucketValue(bucket);
  }
  return bucketValue(sorted[sorted.length - 1]![0]);
}

export function verifyTimesOf(h: Histogram | undefined): VerifyTimes {
  const sorted = [...(h ?? new Map<number, number>()).entries()].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((sum, [, c]) => sum + c, 0);
  if (!n) return { n: 0, medianSeconds: null, p90Seconds: null };
  return { n, medianSeconds: quantile(sorted, n, 0.5), p90Seconds: quantile(sorted, n, 0.9) };
}
