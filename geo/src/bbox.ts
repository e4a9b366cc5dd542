import type { AreaGeometry, BBox, Position } from "./types.ts";

/** The bounding box of an area geometry (of its outer rings: holes lie inside them). */
export function bboxOf(geometry: AreaGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of (polygon[0] ?? []) as [number, number][]) {
      if (lng < box[0]) box[0] = lng;
      if (lat < box[1]) box[1] = lat;
      if (lng > box[2]) box[2] = lng;
      if (lat > box[3]) box[3] = lat;
    }
  }
  return box;
}

export function bboxContains(box: BBox, [lng, lat]: Position): boolean {
  return lng! >= box[0] && lng! <= box[2] && lat! >= box[1] && lat! <= box[3];
}

/** A Polygon as a one-element MultiPolygon, so callers handle one shape. */
export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** True for geometries the geo functions understand; anything else (Point, null) is skipped. */
export function isAreaGeometry(geometry: { type: string } | null | undefined): geometry is AreaGeometry {
  return geometry?.type === "Polygon" || geometry?.type === "MultiPolygon";
}
