import { describe, expect, it } from "vitest";
import { parseScorecardQuery, scorecardQueryString } from "./scorecard-query.ts";
import { complianceOf, formatRate } from "./scorecard-rows.ts";

describe("a scorecard row's rating", () => {
  it("judges only duties whose outcome is known", () => {
    expect(complianceOf({ onTime: 0, late: 0, missing: 0 })).toEqual({ judged: 0, onTimeRate: null, tone: "none" });
    expect(complianceOf({ onTime: 9, late: 1, missing: 0 })).toEqual({ judged: 10, onTimeRate: 0.9, tone: "good" });
  });

  it("is not good with anything missing, and poor with little on time or much missing", () => {
    expect(complianceOf({ onTime: 19, late: 0, missing: 1 }).tone).toBe("warn");
    expect(complianceOf({ onTime: 7, late: 3, missing: 0 }).tone).toBe("warn");
    expect(complianceOf({ onTime: 5, late: 5, missing: 0 }).tone).toBe("bad");
    expect(complianceOf({ onTime: 7, late: 0, missing: 3 }).tone).toBe("bad");
  });

  it("writes rates as whole percentages, or a dash when there is none", () => {
    expect(formatRate(0.8333, "en-GB")).toBe("83%");
    expect(formatRate(1, "id-ID")).toMatch(/^100\s?%$/);
    expect(formatRate(null, "id-ID")).toBe("—");
  });
});

describe("the scorecard view in the URL", () => {
  const officer = "5b0c7d5e-0000-4000-8000-000000000001";

  it("reads a period, a kecamatan and the open officer, and writes them back", () => {
    const view = parseScorecardQuery(`?period=2026-W48&kecamatan=63.11.04&officer=${officer}`, "2026-11-29");
    expect(view).toEqual({ period: "2026-W48", kind: "week", kecamatan: "63.11.04", officer });
    expect(scorecardQueryString(view)).toBe(`?period=2026-W48&kecamatan=63.11.04&officer=${officer}`);
  });

  it("falls back to the current month for a missing, unreal or daily period, and drops bad values", () => {
    expect(parseScorecardQuery("", "2026-11-29")).toEqual({ period: "2026-11", kind: "month", kecamatan: "", officer: "" });
    expect(parseScorecardQuery("?period=2026-13&kecamatan=63.11.99&officer=x", "2026-11-29")).toEqual({ period: "2026-11", kind: "month", kecamatan: "", officer: "" });
    expect(parseScorecardQuery("?period=2026-11-27", "2026-11-29").period).toBe("2026-11");
    expect(parseScorecardQuery("?period=2021-Q2", "2026-11-29")).toMatchObject({ period: "2021-Q2", kind: "quarter" });
  });
});
