import { describe, expect, it } from "vitest";
import { distanceMeters, distanceToEdgeMeters, nearestArea } from "./nearest.ts";
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

  it("measures between two points as PostGIS's geography does, to well under a metre at this scale", () => {
    // ST_Distance('POINT(115.4584 -2.3217)'::geography, 'POINT(115.4584 -2.3167)'::geography) = 552.9 m;
    // and 0.005° of longitude at -2.32°: 556.1 m.
    expect(distanceMeters([115.4584, -2.3217], [115.4584, -2.3167])).toBeCloseTo(552.9, 0);
    expect(distanceMeters([115.4584, -2.3217], [115.4634, -2.3217])).toBeCloseTo(556.1, 0);
    expect(distanceMeters([115.5, -2.3], [115.5, -2.3])).toBe(0);
  });
});
