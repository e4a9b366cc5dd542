import { readFileSync } from "node:fs";

export type BoundaryLevel = "kabupaten" | "kecamatan" | "desa";

export interface BoundaryFeature {
  type: "Feature";
  properties: { kode: string; nama: string; level: BoundaryLevel; lat: number; lng: number };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
}

/**
 * Real boundaries of Kabupaten Balangan (MIT, Cahya DSN `wilayah_boundaries`; see balangan/LICENSE).
 * Read at migration time so the data in the database is exactly the files in the repository.
 */
export function loadBoundaryFeatures(level: BoundaryLevel): BoundaryFeature[] {
  const file = new URL(`./balangan/${level}.geojson`, import.meta.url);
  const collection = JSON.parse(readFileSync(file, "utf8")) as { features: BoundaryFeature[] };
  return collection.features;
}
