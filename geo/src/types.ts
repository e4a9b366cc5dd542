/**
 * GeoJSON shapes the geo functions accept. Positions are always GeoJSON order, `[lng, lat]`; the swap to
 * and from `{ lat, lng }` happens only in `point.ts`.
 */
export type Position = [number, number] | number[];

/** `[minLng, minLat, maxLng, maxLat]`. */
export type BBox = [number, number, number, number];

export interface PolygonGeometry {
  type: "Polygon";
  /** Outer ring first, then holes. */
  coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Position[][][];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** A GeoJSON Feature with an area geometry (other geometries are ignored by the geo functions). */
export interface AreaFeature<P> {
  type?: "Feature";
  properties: P;
  geometry: AreaGeometry | { type: string; coordinates?: unknown } | null;
}

export interface AreaCollection<P> {
  type?: "FeatureCollection";
  features: AreaFeature<P>[];
}
