import type { Position } from "./types.ts";

/** A point as people and Leaflet name it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * The one place where `{ lat, lng }` becomes GeoJSON's `[lng, lat]`. Everything in geo/ takes positions;
 * everything in the apps holds `LatLng`. Swapping anywhere else is how points end up in the Indian Ocean.
 */
export function toPosition(p: LatLng): [number, number] {
  return [p.lng, p.lat];
}

export function toLatLng(position: Position): LatLng {
  return { lat: position[1]!, lng: position[0]! };
}
