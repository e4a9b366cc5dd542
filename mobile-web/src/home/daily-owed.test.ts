import { describe, expect, it } from "vitest";
import { isDailyOwed } from "./daily-owed.ts";

const now = Date.parse("2026-03-02T21:00:00+08:00"); // 13:00 UTC; the WITA date is 2 March
const queued = (period: string) => ({ kind: "daily" as const, payload: { period } });
const sent = (period: string, status: "submitted" | "rejected" | "verified" = "submitted") => ({ kind: "daily" as const, period, status });

describe("isDailyOwed", () => {
  it("is owed with nothing for today", () => {
    expect(isDailyOwed(now, [], [])).toBe(true);
    expect(isDailyOwed(now, [queued("2026-03-01")], [sent("2026-03-01")])).toBe(true);
  });

  it("is not owed when today's daily waits in the outbox", () => {
    expect(isDailyOwed(now, [queued("2026-03-02")], [])).toBe(false);
  });

  it("is not owed when the server has today's daily", () => {
    expect(isDailyOwed(now, [], [sent("2026-03-02")])).toBe(false);
    expect(isDailyOwed(now, [], [sent("2026-03-02", "verified")])).toBe(false);
  });

  it("is owed again when today's daily was rejected", () => {
    expect(isDailyOwed(now, [], [sent("2026-03-02", "rejected")])).toBe(true);
  });

  it("ignores other kinds for the same day", () => {
    expect(isDailyOwed(now, [{ kind: "situation", payload: {} }], [{ kind: "weekly", period: "2026-03-02", status: "submitted" }])).toBe(true);
  });

  it("uses the WITA date, not UTC's", () => {
    const earlyWita = Date.parse("2026-03-03T00:10:00+08:00"); // still 2 March in UTC
    expect(isDailyOwed(earlyWita, [queued("2026-03-02")], [])).toBe(true);
  });
});
