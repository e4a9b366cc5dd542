import { isAreaGeometry, polygonsOf } from "./bbox.ts";
import type { AreaCollection, AreaFeature, AreaGeometry, Position } from "./types.ts";

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Metres from a point to the nearest edge of a geometry. Uses a local equirectangular projection around
 * the point: within a few kilometres (all this is used for) the error is far below GPS accuracy.
 */
export function distanceToEdgeMeters(point: Position, geometry: AreaGeometry): number {
  const [lng0, lat0] = point as [number, number];
  const kx = Math.cos(lat0 * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  let best = Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j] as [number, number];
        const b = ring[i] as [number, number];
        const d = segmentDistance((a[0] - lng0) * kx, (a[1] - lat0) * ky, (b[0] - lng0) * kx, (b[1] - lat0) * ky);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** Distance from the origin to segment AB, in the segment's units. */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** The feature whose edge is nearest to the point, with the distance; null when none is within `maxMeters`. */
export function nearestArea<P>(
  collection: AreaCollection<P> | AreaFeature<P>[],
  point: Position,
  maxMeters = Infinity,
): { properties: P; meters: number } | null {
  const features = Array.isArray(collection) ? collection : collection.features;
  let best: { properties: P; meters: number } | null = null;
  for (const f of features) {
    if (!isAreaGeometry(f.geometry)) continue;
    const meters = distanceToEdgeMeters(point, f.geometry);
    if (meters <= maxMeters && (!best || meters < best.meters)) best = { properties: f.properties, meters };
  }
  return best;
}
