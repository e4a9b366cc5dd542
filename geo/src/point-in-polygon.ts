import { bboxContains, bboxOf, isAreaGeometry, polygonsOf } from "./bbox.ts";
import type { AreaCollection, AreaFeature, AreaGeometry, BBox, Position } from "./types.ts";

/**
 * Even-odd ray casting: a horizontal ray from the point crosses the ring's edges an odd number of times
 * iff the point is inside. Works for any simple ring, closed or not, either winding.
 */
export function pointInRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    // The half-open test (yi > y) !== (yj > y) counts a vertex exactly on the ray once, not twice.
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function pointInPolygon(point: Position, rings: Position[][]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !pointInRing(point, outer)) return false;
  return !holes.some((hole) => pointInRing(point, hole));
}

export function pointInGeometry(point: Position, geometry: AreaGeometry): boolean {
  return polygonsOf(geometry).some((rings) => pointInPolygon(point, rings));
}

/** Features with their boxes computed once, for many lookups (a map pin dragged around, say). */
export interface AreaIndex<P> {
  /** Properties of the first feature containing `[lng, lat]`, or null. */
  locate(point: Position): P | null;
  /** How many features have an area geometry (the others are skipped). */
  readonly size: number;
}

/**
 * Build an index over the features. The bbox prefilter rejects most features with four comparisons, so a
 * lookup over Balangan's 157 desa costs a handful of ring tests.
 */
export function createAreaIndex<P>(collection: AreaCollection<P> | AreaFeature<P>[]): AreaIndex<P> {
  const features = Array.isArray(collection) ? collection : collection.features;
  const entries: { box: BBox; geometry: AreaGeometry; properties: P }[] = [];
  for (const f of features) {
    if (!isAreaGeometry(f.geometry)) continue;
    entries.push({ box: bboxOf(f.geometry), geometry: f.geometry, properties: f.properties });
  }
  return {
    size: entries.length,
    locate(point) {
      for (const e of entries) {
        if (bboxContains(e.box, point) && pointInGeometry(point, e.geometry)) return e.properties;
      }
      return null;
    },
  };
}

/** One-off lookup: the properties of the feature containing `[lng, lat]`, or null. */
export function locateIn<P>(collection: AreaCollection<P> | AreaFeature<P>[], point: Position): P | null {
  return createAreaIndex(collection).locate(point);
}
