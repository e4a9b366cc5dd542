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

export const RegionRef = z.object({ kode: z.string(), nama: z.string() });
export type RegionRef = z.infer<typeof RegionRef>;

/** Answer of GET /api/regions/locate. */
export const LocateResult = z.object({
  kecamatan: RegionRef,
  desa: RegionRef.nullable(),
});
export type LocateResult = z.infer<typeof LocateResult>;

/** Properties of each feature in GET /api/regions. */
export interface RegionProperties {
  kode: string;
  nama: string;
  level: RegionLevel;
  parent: string | null;
  /** Label point as [lng, lat]. */
  label: [number, number];
}
