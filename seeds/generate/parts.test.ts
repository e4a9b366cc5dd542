import { describe, expect, it } from "vitest";
import { Bidang, DEFAULT_SUB_CATEGORIES } from "@contract/reports.ts";
import { agenciesFor } from "./agencies.ts";
import { dailyPeriod, weeklyPeriod, witaDay } from "./calendar.ts";
import { parseSeedArgs } from "./cli-args.ts";
import { fixtureAgencies } from "./fixtures.ts";
import { allocate } from "./plan.ts";
import { createRandom } from "./random.ts";
import { TOPICS } from "./topics/index.ts";
import { fill, wordsFor } from "./vocabulary.ts";

const dayOf = (iso: string) => witaDay(Date.parse(iso));

describe("the generator's parts", () => {
  it("has a topic for every default sub-category, and only those", () => {
    for (const b of Bidang.options)
      for (const sub of DEFAULT_SUB_CATEGORIES[b]) expect(TOPICS.some((t) => t.bidang === b && t.subCategory === sub)).toBe(true);
    for (const t of TOPICS) expect(DEFAULT_SUB_CATEGORIES[t.bidang]).toContain(t.subCategory);
    expect(new Set(TOPICS.map((t) => t.key)).size).toBe(TOPICS.length);
  });

  it("fills every template of every topic with words it knows", () => {
    const rng = createRandom("templates");
    for (const t of TOPICS) {
      const templates = [t.perihal, t.siapa, t.apa, t.denganApa, t.mengapa, t.bagaimana, t.analisa, t.prakiraan, t.langkah, t.saran].flat();
      for (const template of templates) {
        const text = fill(template, wordsFor(rng, { desaNama: "Lok Batu", urban: false, kecNama: "Batu Mandi" }));
        expect(text).not.toMatch(/[{}]/);
      }
      expect(t.perihal.every((p) => p.length < 150)).toBe(true);
    }
  });

  it("sends every sub-category to agencies that exist", () => {
    const agencies = fixtureAgencies();
    for (const sub of Object.values(DEFAULT_SUB_CATEGORIES).flat()) expect(agenciesFor(sub, "Paringin", agencies).length).toBeGreaterThan(0);
  });

  it("names WITA days, ISO weeks and periods as the contract does", () => {
    expect(dailyPeriod(dayOf("2026-03-01T00:30:00+08:00"))).toBe("2026-03-01");
    expect(dailyPeriod(dayOf("2026-02-28T23:59:00+08:00"))).toBe("2026-02-28");
    expect(weeklyPeriod(dayOf("2026-01-01T12:00:00+08:00"))).toBe("2026-W01");
    expect(weeklyPeriod(dayOf("2024-12-30T12:00:00+08:00"))).toBe("2025-W01");
    expect(weeklyPeriod(dayOf("2027-01-01T12:00:00+08:00"))).toBe("2026-W53");
    expect(weeklyPeriod(dayOf("2026-11-29T12:00:00+08:00"))).toBe("2026-W48");
  });

  it("splits a total over weights exactly", () => {
    const parts = allocate(1_000, [1, 2, 3, 0, 4.5]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(parts[3]).toBe(0);
    expect(allocate(7, [0.1, 0.1, 0.1])).toEqual([2, 3, 2]);
  });

  it("reads the seed command line, and refuses what it cannot honour", () => {
    const now = Date.parse("2026-11-29T12:00:00+08:00");
    expect(parseSeedArgs(["--reports", "1_000_000", "--seed", "bench", "--reset"], now)).toMatchObject({ reports: 1_000_000, seed: "bench", mode: "reset" });
    expect(parseSeedArgs([], now)).toMatchObject({ reports: 3_000, mode: "refuse", end: null });
    expect(parseSeedArgs(["--end", "2026-06-30T17:00:00+08:00"], now).end?.toISOString()).toBe("2026-06-30T09:00:00.000Z");
    expect(() => parseSeedArgs(["--end", "2027-01-01T00:00:00+08:00"], now)).toThrow(/future/);
    expect(() => parseSeedArgs(["--reset", "--append"], now)).toThrow(/exclude/);
    expect(() => parseSeedArgs(["--reports", "0"], now)).toThrow(/whole number/);
    expect(() => parseSeedArgs(["--reports"], now)).toThrow(/needs a value/);
    expect(() => parseSeedArgs(["--bogus"], now)).toThrow(/unknown option/);
  });
});
