import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER, parseStatsQuery, statsApiQuery, statsQueryString } from "./stats-query.ts";

describe("the statistics filter in the URL", () => {
  it("round-trips through the query string, defaults left out", () => {
    const f = { ...DEFAULT_FILTER, period: "month" as const, from: "2021-04-01", to: "2021-06", kecamatan: ["63.11.02", "63.11.01"], bidang: ["politik" as const] };
    const qs = statsQueryString(f);
    expect(qs).toBe("?period=month&from=2021-04-01&to=2021-06&kecamatan=63.11.02,63.11.01&bidang=politik");
    expect(parseStatsQuery(qs)).toEqual({ ...f, kecamatan: ["63.11.01", "63.11.02"] });
    expect(statsQueryString(DEFAULT_FILTER)).toBe("");
    expect(parseStatsQuery("")).toEqual(DEFAULT_FILTER);
  });

  it("drops what a hand-edited link gets wrong instead of sending it to fail", () => {
    const f = parseStatsQuery("?period=year&from=2021-W14&to=2021-02-30&kecamatan=63.11.09,63.11.03&bidang=politik,sihir&status=verified,lost&kind=daily");
    expect(f.period).toBe("week");
    expect(f.from).toBe("2021-W14");
    expect(f.to).toBe("");
    expect(f.kecamatan).toEqual(["63.11.03"]);
    expect(f.bidang).toEqual(["politik"]);
    expect(f.status).toEqual(["verified"]);
    expect(f.kind).toEqual(["daily"]);
    // A week key where months are asked for is not a bound of that granularity.
    expect(parseStatsQuery("?period=month&from=2021-W14").from).toBe("");
  });

  it("keeps the page's order of values whatever order the link had", () => {
    expect(parseStatsQuery("?bidang=ekonomi,ideologi").bidang).toEqual(["ideologi", "ekonomi"]);
  });

  it("asks the API with comma-joined lists and nothing for an empty filter", () => {
    expect(statsApiQuery({ ...DEFAULT_FILTER, kerawanan: ["tinggi", "sangat_tinggi"] })).toEqual({
      period: "week",
      from: undefined,
      to: undefined,
      kecamatan: undefined,
      bidang: undefined,
      kerawanan: "tinggi,sangat_tinggi",
      status: undefined,
      kind: undefined,
    });
  });
});
