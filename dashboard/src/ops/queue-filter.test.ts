import { describe, expect, it } from "vitest";
import { matchesReportFilter } from "@contract/report-queue.ts";
import { reportView } from "@kit/testing/report-view.ts";
import { filterFromSearch, parsedFilter, searchFromFilter, tabOf, withFilter } from "./queue-filter.ts";

describe("the queue's filter in the URL", () => {
  it("reads lists, text and times from the query, and writes them back in a fixed order", () => {
    const filter = filterFromSearch("?q=unjuk%20rasa&status=submitted,revision_requested&kerawanan=tinggi&kecamatan=63.11.04&from=2026-11-01T00:00:00.000Z");
    expect(filter).toEqual({
      status: ["submitted", "revision_requested"],
      kerawanan: ["tinggi"],
      kecamatan: ["63.11.04"],
      q: "unjuk rasa",
      from: "2026-11-01T00:00:00.000Z",
      kind: ["situation"],
    });
    expect(searchFromFilter(filter)).toBe("status=submitted%2Crevision_requested&kerawanan=tinggi&kecamatan=63.11.04&q=unjuk+rasa&from=2026-11-01T00%3A00%3A00.000Z");
    expect(filterFromSearch(`?${searchFromFilter(filter)}`)).toEqual(filter);
  });

  it("takes repeated parameters as one list, and drops what is not valid instead of failing the page", () => {
    expect(filterFromSearch("?status=submitted&status=verified&kerawanan=merah&author=not-a-uuid&flagged=true")).toEqual({
      status: ["submitted", "verified"],
      flagged: "true",
      kind: ["situation"],
    });
  });

  it("shows situation reports by default and the periodic ones on their own tab", () => {
    expect(tabOf(filterFromSearch(""))).toBe("situation");
    const periodic = withFilter(filterFromSearch(""), "kind", ["daily", "weekly", "monthly"]);
    expect(tabOf(periodic)).toBe("periodic");
    expect(searchFromFilter(periodic)).toBe("kind=daily%2Cweekly%2Cmonthly");
    expect(searchFromFilter(withFilter(periodic, "kind", undefined))).toBe("");
  });

  it("removes a part set to nothing, and the default time field is not written", () => {
    const f = withFilter(withFilter(filterFromSearch("?q=x&time=received"), "q", ""), "bidang", []);
    expect(f).toEqual({ kind: ["situation"], time: "received" });
    expect(searchFromFilter(f)).toBe("");
    expect(searchFromFilter({ ...f, time: "occurred" })).toBe("time=occurred");
  });

  it("parses into the filter a live arrival is matched against", () => {
    const filter = parsedFilter(filterFromSearch("?kerawanan=tinggi,sangat_tinggi&q=PASAR"));
    expect(matchesReportFilter(reportView("a", { kerawanan: "tinggi", perihal: "Keributan di pasar" }), filter)).toBe(true);
    expect(matchesReportFilter(reportView("b", { kerawanan: "sedang", perihal: "Keributan di pasar" }), filter)).toBe(false);
    expect(matchesReportFilter(reportView("c", { kerawanan: "tinggi", kind: "daily", perihal: "Pasar" }), filter)).toBe(false);
  });
});
