import type { MultiPolygon, Polygon } from "geojson";

const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === "number" && Number.isFinite(n));
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isRings = (rs: unknown) => Array.isArray(rs) && rs.length > 0 && rs.every(isRing);

/**
 * A hotspot's area as the map can draw it: the contract sends it as unchecked GeoJSON, so its shape is
 * checked here once rather than trusted at every use. Anything else (null, a point, a broken ring) is
 * null and simply not drawn.
 */
export function areaOf(area: unknown): Polygon | MultiPolygon | null {
  if (!area || typeof area !== "object") return null;
  const { type, coordinates } = area as { type?: unknown; coordinates?: unknown };
  if (type === "Polygon" && isRings(coordinates)) return { type, coordinates: coordinates as Polygon["coordinates"] };
  if (type === "MultiPolygon" && Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isRings))
    return { type, coordinates: coordinates as MultiPolygon["coordinates"] };
  return null;
}
