import { describe, expect, it } from "vitest";
import { chanceInWords, metricsInWords } from "./alert-words.ts";
import { testAlert } from "./test-alert.ts";

describe("an alert's metrics in words", () => {
  it("says a critical report's kerawanan and casualties", () => {
    expect(metricsInWords(testAlert({ metrics: { kerawanan: "sangat_tinggi", korban: 0 } }), "id")).toEqual(["Kerawanan sangat tinggi, tanpa korban"]);
    expect(metricsInWords(testAlert({ severity: "siaga", metrics: { kerawanan: "tinggi", korban: 3 } }), "id")).toEqual(["Kerawanan tinggi, korban 3 orang"]);
    expect(metricsInWords(testAlert({ metrics: { kerawanan: "tinggi", korban: 3 } }), "en")).toEqual(["Kerawanan high, 3 casualties"]);
  });

  it("says a spike's count against its usual level, its baseline and how unlikely it is", () => {
    const spike = testAlert({ rule: "spike", metrics: { window: "24 jam", count: 7, expected: 0.375, p: 0.0000123, baselineReports: 11 } });
    expect(metricsInWords(spike, "id")).toEqual([
      "7 laporan dalam 24 jam terakhir; biasanya sekitar 0,4",
      "Acuan: 11 laporan pada masa sebelumnya",
      "Peluang sebanyak ini terjadi secara kebetulan: < 0,01%",
    ]);
    expect(metricsInWords({ ...spike, metrics: { ...spike.metrics, window: "7 hari", p: 0.00042 } }, "en")).toEqual([
      "7 reports in the last 7 days; usually about 0.4",
      "Baseline: 11 reports in the period before",
      "Chance of this many by coincidence: 0.042%",
    ]);
  });

  it("says a hotspot's size, radius in km and window", () => {
    const hotspot = testAlert({ rule: "hotspot", metrics: { reports: 5, radiusM: 2500, windowHours: 24 } });
    expect(metricsInWords(hotspot, "id")).toEqual(["5 laporan dalam radius 2,5 km selama 24 jam terakhir"]);
    expect(metricsInWords(hotspot, "en")).toEqual(["5 reports within 2.5 km over the last 24 hours"]);
  });

  it("says how long a kecamatan has been silent and when its last report came, in WITA", () => {
    const silence = testAlert({ rule: "silence", metrics: { silentHours: 52, lastReportAt: "2026-03-02T06:05:00.000Z" } });
    expect(metricsInWords(silence, "id")).toEqual(["Tidak ada laporan selama 52 jam", "Laporan terakhir diterima 2 Mar, 14.05 WITA"]);
  });

  it("lists metrics of a shape it does not know as they are", () => {
    expect(metricsInWords(testAlert({ rule: "spike", metrics: { ratio: 4.2 } }), "id")).toEqual(["ratio: 4.2"]);
  });

  it("writes small chances as percentages in the reader's language", () => {
    expect(chanceInWords(0.0012, "id")).toBe("0,12%");
    expect(chanceInWords(0.0012, "en")).toBe("0.12%");
    expect(chanceInWords(0.00001, "en")).toBe("< 0.01%");
  });
});
