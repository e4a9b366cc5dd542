import { isAreaGeometry, polygonsOf } from "./bbox.ts";
import type { AreaCollection, AreaFeature, AreaGeometry, Position } from "./types.ts";

const RAD = Math.PI / 180;
/** WGS84, the ellipsoid PostGIS measures geography distances on. */
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;

/**
 * Metres per degree of longitude and of latitude at a latitude, from the WGS84 radii of curvature (prime
 * vertical and meridian). A sphere would be 0.6% off north–south here: 11 m at the 2 km border tolerance.
 */
function metresPerDegree(lat: number): { kx: number; ky: number } {
  const sin = Math.sin(lat * RAD);
  const w = 1 - WGS84_E2 * sin * sin;
  const primeVertical = WGS84_A / Math.sqrt(w);
  const meridian = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  return { kx: Math.cos(lat * RAD) * primeVertical * RAD, ky: meridian * RAD };
}

/** Metres between two points a few kilometres apart at most (the same local projection as below). */
export function distanceMeters(a: Position, b: Position): number {
  const { kx, ky } = metresPerDegree(((a[1] as number) + (b[1] as number)) / 2);
  return Math.hypot(((b[0] as number) - (a[0] as number)) * kx, ((b[1] as number) - (a[1] as number)) * ky);
}

/**
 * Metres from a point to the nearest edge of a geometry. Uses a local projection around the point on the
 * WGS84 ellipsoid: within a few kilometres (all this is used for) it agrees with PostGIS's geography
 * distance to well under a metre.
 */
export function distanceToEdgeMeters(point: Position, geometry: AreaGeometry): number {
  const [lng0, lat0] = point as [number, number];
  const { kx, ky } = metresPerDegree(lat0);
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
