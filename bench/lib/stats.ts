/** Latency summary in milliseconds, rounded to microseconds so the JSON stays readable. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarizeLatencies(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  // Nearest-rank percentile: an observed value, never an interpolation between two.
  const at = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  return { p50: round3(at(0.5)), p90: round3(at(0.9)), p99: round3(at(0.99)), max: round3(sorted[n - 1]!), mean: round3(mean) };
}

export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
