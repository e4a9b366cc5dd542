import { describe, expect, it } from "vitest";
import { poissonTailAtLeast } from "./poisson.ts";

describe("Poisson tail", () => {
  it("matches values worked out by hand", () => {
    // λ = 1: P(X ≥ 1) = 1 − e^−1; P(X ≥ 3) = 1 − e^−1 (1 + 1 + 1/2).
    expect(poissonTailAtLeast(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(poissonTailAtLeast(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
    expect(poissonTailAtLeast(0, 5)).toBe(1);
    expect(poissonTailAtLeast(2, 0)).toBe(0);
  });

  it("keeps a far tail precise instead of rounding it to zero", () => {
    // λ = 0.5, k = 12: e^−0.5 · 0.5^12 / 12! ≈ 3.0e−13 dominates the tail.
    const p = poissonTailAtLeast(12, 0.5);
    expect(p).toBeGreaterThan(3.0e-13);
    expect(p).toBeLessThan(3.3e-13);
    expect(poissonTailAtLeast(40, 30)).toBeGreaterThan(0.03);
    expect(poissonTailAtLeast(40, 30)).toBeLessThan(0.05);
  });
});
