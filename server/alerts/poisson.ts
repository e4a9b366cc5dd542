/**
 * One-sided Poisson tail, P(X ≥ k) for X ~ Poisson(λ): how surprising a count of `k` is when `λ` is
 * expected. Summed in log space term by term (k stays small here: reports of one kecamatan and bidang in
 * a week), so large λ neither overflows nor loses the tail to rounding.
 */
export function poissonTailAtLeast(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X ≥ k) = 1 − Σ_{i<k} P(X = i); for a far tail sum the tail itself, which keeps precision.
  const logP = (i: number) => -lambda + i * Math.log(lambda) - logFactorial(i);
  if (k > lambda) {
    let sum = 0;
    for (let i = k; i < k + 1000; i++) {
      const term = Math.exp(logP(i));
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return Math.min(1, sum);
  }
  let below = 0;
  for (let i = 0; i < k; i++) below += Math.exp(logP(i));
  return Math.max(0, 1 - below);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}
