import { z } from "zod";

export const RegionLevel = z.enum(["kabupaten", "kecamatan", "desa"]);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** Query of GET /api/regions. */
export const RegionsQuery = z.object({
  level: RegionLevel.default("kecamatan"),
});

/** A coordinate from a query string: finite and in range, with a message a person can act on. */
const coordinate = (name: string, limit: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ error: `${name} is required and must be a number` })
      .refine(Number.isFinite, `${name} must be a finite number`)
      .refine((n) => n >= -limit && n <= limit, `${name} must be between -${limit} and ${limit}`),
  );

/** Query of GET /api/regions/locate. */
export const LocateQuery = z.object({
  lat: coordinate("lat", 90),
  lng: coordinate("lng", 180),
});

/**
 * How a point that is in no polygon is placed, the same on the phone and the server. Simplified boundaries
 * leave thin gaps between neighbours: a point in such a sliver belongs to the nearest kecamatan (the gaps
 * are narrower than this, any kecamatan far wider). A kecamatan without a desa polygon at the point takes
 * its nearest desa within `desaSearchMeters`.
 */
export const REGION_SNAP = { sliverMeters: 150, desaSearchMeters: 5_000 } as const;

export const RegionRef = z.strictObject({ kode: z.string(), nama: z.string() });
export type RegionRef = z.infer<typeof RegionRef>;

/** Answer of GET /api/regions/locate. */
export const LocateResult = z.strictObject({
  kecamatan: RegionRef,
  desa: RegionRef.nullable(),
});
export type LocateResult = z.infer<typeof LocateResult>;

/** Properties of each feature in GET /api/regions. */
export const RegionProperties = z.strictObject({
  kode: z.string(),
  nama: z.string(),
  level: RegionLevel,
  parent: z.string().nullable(),
  /** Label point as [lng, lat]. */
  label: z.tuple([z.number(), z.number()]),
});
export type RegionProperties = z.infer<typeof RegionProperties>;

// Shape only: rings of [lng, lat] positions, as PostGIS wrote them (a deep check of every vertex of 157
// desa would cost more than it tells).
const areaGeometry = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
]);

/** Answer of GET /api/regions: a GeoJSON FeatureCollection, one feature per region of the level. */
export const RegionCollection = z.strictObject({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.strictObject({ type: z.literal("Feature"), id: z.string().optional(), properties: RegionProperties, geometry: areaGeometry }),
  ),
});
export type RegionCollection = z.infer<typeof RegionCollection>;
