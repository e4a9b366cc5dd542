import { describe, expect, it } from "vitest";
import { highestKerawanan, periodBounds, periodicTitle } from "./periodic-drafts.ts";

const wita = (s: string) => Date.parse(`${s}+08:00`);

describe("periodicTitle", () => {
  it("names a week by its days, in Indonesian", () => {
    expect(periodicTitle("weekly", "2026-W48")).toBe("Laporan Mingguan 23–29 November 2026");
    expect(periodicTitle("weekly", "2026-W49")).toBe("Laporan Mingguan 30 November – 6 Desember 2026");
    expect(periodicTitle("weekly", "2026-W53")).toBe("Laporan Mingguan 28 Desember 2026 – 3 Januari 2027");
    expect(periodicTitle("weekly", "2026-W01")).toBe("Laporan Mingguan 29 Desember 2025 – 4 Januari 2026");
  });

  it("names a month and a day", () => {
    expect(periodicTitle("monthly", "2026-11")).toBe("Laporan Bulanan November 2026");
    expect(periodicTitle("monthly", "2027-01")).toBe("Laporan Bulanan Januari 2027");
    expect(periodicTitle("daily", "2026-11-29")).toBe("Laporan Harian Minggu, 29 November 2026");
    expect(periodicTitle("daily", "2026-03-02")).toBe("Laporan Harian Senin, 2 Maret 2026");
  });

  it("keeps the key of a period that is not one", () => {
    expect(periodicTitle("weekly", "2025-W53")).toBe("Laporan Mingguan 2025-W53");
    expect(periodicTitle("monthly", "2026-13")).toBe("Laporan Bulanan 2026-13");
    expect(periodicTitle("daily", "2026-02-30")).toBe("Laporan Harian 2026-02-30");
    expect(periodicTitle("daily", "")).toBe("Laporan Harian");
  });
});

describe("periodBounds", () => {
  it("runs a week from Monday 00:00 WITA to the next Monday 00:00 WITA", () => {
    expect(periodBounds("weekly", "2026-W48")).toEqual({
      firstDay: "2026-11-23",
      lastDay: "2026-11-29",
      start: wita("2026-11-23T00:00:00"),
      end: wita("2026-11-30T00:00:00"),
    });
  });

  it("runs a month over its own days, February of a leap year included", () => {
    expect(periodBounds("monthly", "2028-02")).toMatchObject({ firstDay: "2028-02-01", lastDay: "2028-02-29", end: wita("2028-03-01T00:00:00") });
    expect(periodBounds("monthly", "2026-12")).toMatchObject({ lastDay: "2026-12-31", end: wita("2027-01-01T00:00:00") });
  });

  it("runs a day over the WITA day, not the UTC one", () => {
    expect(periodBounds("daily", "2026-11-29")).toEqual({
      firstDay: "2026-11-29",
      lastDay: "2026-11-29",
      start: Date.parse("2026-11-28T16:00:00Z"),
      end: Date.parse("2026-11-29T16:00:00Z"),
    });
  });

  it("refuses what is not a period of its kind", () => {
    expect(periodBounds("weekly", "2026-11")).toBeNull();
    expect(periodBounds("weekly", "2026-W00")).toBeNull();
    expect(periodBounds("monthly", "2026-00")).toBeNull();
    expect(periodBounds("daily", "2026-W48")).toBeNull();
  });
});

describe("highestKerawanan", () => {
  it("takes the highest level, or none", () => {
    expect(highestKerawanan(["sedang", "rendah", "tinggi", "sedang"])).toBe("tinggi");
    expect(highestKerawanan(["sangat_tinggi", "rendah"])).toBe("sangat_tinggi");
    expect(highestKerawanan([])).toBeNull();
  });
});
