import { describe, expect, it } from "vitest";
import { distanceToEdgeMeters, nearestArea } from "./nearest.ts";
import type { AreaFeature } from "./types.ts";

// A 0.1° box at Balangan's latitude: 0.01° of longitude there is about 1.11 km.
const box: AreaFeature<{ kode: string }> = {
  properties: { kode: "A" },
  geometry: { type: "Polygon", coordinates: [[[115.4, -2.4], [115.5, -2.4], [115.5, -2.3], [115.4, -2.3], [115.4, -2.4]]] },
};

describe("distanceToEdgeMeters", () => {
  it("measures metres to the nearest edge", () => {
    const d = distanceToEdgeMeters([115.51, -2.35], box.geometry as never);
    expect(d).toBeGreaterThan(1_100);
    expect(d).toBeLessThan(1_125);
  });
});

describe("nearestArea", () => {
  it("finds the nearest feature within the limit, and none beyond it", () => {
    expect(nearestArea([box], [115.51, -2.35], 2_000)?.properties.kode).toBe("A");
    expect(nearestArea([box], [115.6, -2.35], 2_000)).toBeNull();
  });
});
