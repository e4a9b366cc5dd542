import { describe, expect, it } from "vitest";
import { areaOf } from "./alert-area.ts";
import { ALERT_LEVELS, kecamatanClass, LEVEL_COLORS, LEVEL_TEXT, levelOf, levelsByKode, levelStyle } from "./alert-levels.ts";

/** WCAG relative luminance and contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("kecamatan alert levels", () => {
  it("colours each level distinctly, green to red, with badge text readable at 4.5:1", () => {
    expect(ALERT_LEVELS).toEqual(["normal", "waspada", "siaga", "awas"]);
    expect(new Set(Object.values(LEVEL_COLORS)).size).toBe(4);
    for (const level of ALERT_LEVELS) expect(contrast(LEVEL_COLORS[level], LEVEL_TEXT[level])).toBeGreaterThanOrEqual(4.5);
  });

  it("fills a kecamatan more strongly the higher its level, and names level and kecamatan in its class", () => {
    const opacities = ALERT_LEVELS.map((l) => levelStyle(l, "63.11.06").fillOpacity);
    expect([...opacities].sort((a, b) => a - b)).toEqual(opacities);
    const awas = levelStyle("awas", "63.11.06");
    expect(awas.fillColor).toBe(LEVEL_COLORS.awas);
    expect(awas.className.split(" ")).toEqual(["alert-level", "alert-level--awas", "alert-kec-63-11-06"]);
    expect(kecamatanClass("63.11.01")).toBe("alert-kec-63-11-01");
  });

  it("reads a kecamatan the server did not list as normal", () => {
    const levels = levelsByKode([{ kecamatanKode: "63.11.06", kecamatanNama: "Paringin", level: "siaga", liveAlerts: 2 }]);
    expect(levelOf(levels, "63.11.06")).toBe("siaga");
    expect(levelOf(levels, "63.11.01")).toBe("normal");
  });
});

describe("hotspot areas", () => {
  const ring = [
    [115.4, -2.3],
    [115.5, -2.3],
    [115.5, -2.4],
    [115.4, -2.3],
  ];
  it("accepts a Polygon or MultiPolygon and nothing else", () => {
    expect(areaOf({ type: "Polygon", coordinates: [ring] })).toEqual({ type: "Polygon", coordinates: [ring] });
    expect(areaOf({ type: "MultiPolygon", coordinates: [[ring]] })?.type).toBe("MultiPolygon");
    expect(areaOf(null)).toBeNull();
    expect(areaOf({ type: "Point", coordinates: [115.4, -2.3] })).toBeNull();
    expect(areaOf({ type: "Polygon", coordinates: [[[115.4, -2.3], [115.5, "x"]]] })).toBeNull();
    expect(areaOf({ type: "Polygon", coordinates: [] })).toBeNull();
  });
});
