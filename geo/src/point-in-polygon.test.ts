import { describe, expect, it } from "vitest";
import { createAreaIndex, locateIn, pointInPolygon, pointInRing } from "./point-in-polygon.ts";
import type { AreaFeature, Position } from "./types.ts";

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

describe("pointInRing", () => {
  it("finds points inside and outside a square", () => {
    const ring = square(0, 0, 10);
    expect(pointInRing([5, 5], ring)).toBe(true);
    expect(pointInRing([15, 5], ring)).toBe(false);
    expect(pointInRing([-0.001, 5], ring)).toBe(false);
  });

  it("handles a concave ring and either winding", () => {
    // A "U": the notch between the arms is outside.
    const u: Position[] = [[0, 0], [9, 0], [9, 9], [6, 9], [6, 3], [3, 3], [3, 9], [0, 9]];
    expect(pointInRing([1.5, 6], u)).toBe(true);
    expect(pointInRing([4.5, 6], u)).toBe(false);
    expect(pointInRing([4.5, 1], u)).toBe(true);
    expect(pointInRing([4.5, 1], [...u].reverse())).toBe(true);
  });

  it("counts a ray through a vertex once", () => {
    const diamond: Position[] = [[0, 5], [5, 0], [10, 5], [5, 10]];
    expect(pointInRing([2, 5], diamond)).toBe(true);
    expect(pointInRing([-2, 5], diamond)).toBe(false);
  });
});

describe("pointInPolygon", () => {
  const withHole = [square(0, 0, 10), square(3, 3, 4)];

  it("excludes points in a hole", () => {
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
  });

  it("is false for an empty polygon", () => {
    expect(pointInPolygon([0, 0], [])).toBe(false);
  });
});

describe("createAreaIndex", () => {
  const features: AreaFeature<{ name: string }>[] = [
    { type: "Feature", properties: { name: "donut" }, geometry: { type: "Polygon", coordinates: [square(0, 0, 10), square(3, 3, 4)] } },
    // An island inside the donut's hole, as a MultiPolygon with a second part far away.
    {
      type: "Feature",
      properties: { name: "islands" },
      geometry: { type: "MultiPolygon", coordinates: [[square(4, 4, 2)], [square(100, 100, 1)]] },
    },
    { type: "Feature", properties: { name: "point" }, geometry: { type: "Point", coordinates: [5, 5] } },
    { type: "Feature", properties: { name: "nothing" }, geometry: null },
  ];

  it("returns the properties of the containing feature", () => {
    const index = createAreaIndex(features);
    expect(index.size).toBe(2);
    expect(index.locate([1, 1])).toEqual({ name: "donut" });
    expect(index.locate([5, 5])).toEqual({ name: "islands" });
    expect(index.locate([100.5, 100.5])).toEqual({ name: "islands" });
  });

  it("returns null for a point in a hole that nothing fills, or outside everything", () => {
    const index = createAreaIndex({ type: "FeatureCollection", features });
    expect(index.locate([3.5, 3.5])).toBeNull();
    expect(index.locate([50, 50])).toBeNull();
  });

  it("locateIn is the one-off form", () => {
    expect(locateIn(features, [9, 9])).toEqual({ name: "donut" });
  });
});
