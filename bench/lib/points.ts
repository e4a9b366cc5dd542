import { loadBoundaryFeatures } from "../../seeds/boundaries.ts";
import { seededRandom } from "./random.ts";

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The bounding box of Kabupaten Balangan, from the same seed file the regions table is loaded from. */
export function balanganBbox(): Bbox {
  const bbox: Bbox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      // GeoJSON positions are [lng, lat].
      const [lng, lat] = c as [number, number];
      bbox.west = Math.min(bbox.west, lng);
      bbox.east = Math.max(bbox.east, lng);
      bbox.south = Math.min(bbox.south, lat);
      bbox.north = Math.max(bbox.north, lat);
      return;
    }
    for (const child of c) visit(child);
  };
  for (const f of loadBoundaryFeatures("kabupaten")) visit(f.geometry.coordinates);
  if (!Number.isFinite(bbox.west)) throw new Error("kabupaten.geojson has no coordinates");
  return bbox;
}

/** `count` points uniform in the box, rounded to 6 decimals (~0.1 m) like a phone's GPS fix. */
export function randomPoints(seed: number, count: number, bbox: Bbox): LatLng[] {
  const rnd = seededRandom(seed);
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return Array.from({ length: count }, () => ({
    lng: r6(bbox.west + rnd() * (bbox.east - bbox.west)),
    lat: r6(bbox.south + rnd() * (bbox.north - bbox.south)),
  }));
}
