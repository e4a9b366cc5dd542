import { describe, expect, it } from "vitest";
import { backoffDelay, classify, DEFAULT_BACKOFF } from "./retry.ts";

describe("retry policy", () => {
  it("refuses content and rights errors, pauses on 401, retries the rest", () => {
    const verdict = (code: string) => classify({ code: code as never, message: "" });
    for (const code of ["invalid_input", "client_id_conflict", "outside_region", "forbidden", "payload_too_large"]) expect(verdict(code)).toBe("refuse");
    expect(verdict("unauthenticated")).toBe("login");
    for (const code of ["internal", "not_ready", "too_many_requests", "network", "timeout", "bad_answer"]) expect(verdict(code)).toBe("retry");
  });

  it("draws full-jitter delays within [0, min(5 min, 2 s·2^n)]", () => {
    for (let n = 0; n < 40; n++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** n);
      expect(backoffDelay(n, () => 0)).toBe(0);
      expect(backoffDelay(n, () => 0.999999)).toBeLessThanOrEqual(ceiling);
      expect(backoffDelay(n, () => 0.999999)).toBeGreaterThan(ceiling * 0.99);
      const d = backoffDelay(n, Math.random);
      expect(d >= 0 && d <= ceiling).toBe(true);
    }
  });
});
