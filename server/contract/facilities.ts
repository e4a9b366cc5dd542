import { z } from "zod";
import { FACILITY_TYPES } from "./facility-types.ts";
import { RegionRef } from "./regions.ts";
import { requiredSafeText, safeText } from "./text.ts";

/**
 * Facilities (fasilitas): typed points admins keep — government offices, security posts, places of
 * worship, schools, health facilities — shown as a layer on the public and ops maps. The kecamatan and
 * desa of each are assigned from its point by the server, never typed.
 */

export const FACILITY_LIMITS = {
  nameMax: 160,
  addressMax: 300,
  contactMax: 200,
  /** Rows of one CSV import (header not counted). */
  importRowsMax: 5_000,
  /** Characters of one CSV import: 5,000 rows of ~150 characters, with room. */
  importCharsMax: 900_000,
  /** Longest side of a facility photo as served (WebP, no metadata). */
  photoSideMax: 1280,
  /** An imported row of the same type and name as a facility (or an earlier row) this close is taken for it. */
  duplicateRadiusM: 100,
} as const;

export const FacilityType = z.enum(FACILITY_TYPES);
export type FacilityType = z.infer<typeof FacilityType>;

const kecamatanKode = z.string().regex(/^63\.11\.\d{2}$/, "a kecamatan code such as 63.11.06");
const optionalText = (max: number, singleLine: boolean) =>
  safeText({ max, singleLine })
    .nullish()
    .transform((v) => (v ? v : null));

/** A point as the map picker or the CSV gives it, WGS84 degrees. */
export const FacilityPoint = z.strictObject({
  lat: z.number({ error: "lat must be a number" }).min(-90, "lat must be between -90 and 90").max(90, "lat must be between -90 and 90"),
  lng: z.number({ error: "lng must be a number" }).min(-180, "lng must be between -180 and 180").max(180, "lng must be between -180 and 180"),
});
export type FacilityPoint = z.infer<typeof FacilityPoint>;

const facilityFields = {
  type: FacilityType,
  name: requiredSafeText({ max: FACILITY_LIMITS.nameMax, singleLine: true }),
  address: optionalText(FACILITY_LIMITS.addressMax, false),
  /** A phone number, an e-mail address or both, as free text. */
  contact: optionalText(FACILITY_LIMITS.contactMax, true),
  location: FacilityPoint,
};

/** A new facility; a point more than 2 km outside Balangan is refused (400, `outside_region`). */
export const CreateFacilityInput = z.strictObject({ ...facilityFields, active: z.boolean().default(true) });
export type CreateFacilityInput = z.infer<typeof CreateFacilityInput>;

/** Change some fields; `version` is the one the admin saw (a facility changed since answers 409). */
export const UpdateFacilityInput = z.strictObject({
  type: FacilityType.optional(),
  name: facilityFields.name.optional(),
  address: facilityFields.address.optional(),
  contact: facilityFields.contact.optional(),
  location: FacilityPoint.optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdateFacilityInput = z.infer<typeof UpdateFacilityInput>;

export const FacilityIdParams = z.strictObject({ id: z.string().uuid("not a facility id") });

export const FacilityListQuery = z.object({
  type: FacilityType.optional(),
  kecamatan: kecamatanKode.optional(),
  /** Words in the name, address or contact. */
  q: safeText({ max: 100, singleLine: true }).optional(),
  active: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FacilityListQuery = z.infer<typeof FacilityListQuery>;

/** A facility as admins see it. */
export const FacilityView = z.strictObject({
  id: z.string(),
  type: FacilityType,
  name: z.string(),
  address: z.string().nullable(),
  contact: z.string().nullable(),
  location: FacilityPoint,
  kecamatan: RegionRef,
  desa: RegionRef.nullable(),
  /** Metres outside Balangan the point lies (placed in the nearest kecamatan); 0 inside. */
  outsideMeters: z.number().int().min(0),
  hasPhoto: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FacilityView = z.infer<typeof FacilityView>;

/**
 * A CSV import (also accepted as the raw `text/csv` body, with `?dryRun=true`): a header row naming
 * `nama, jenis, alamat, kontak, lat, lon` (any order; `alamat` and `kontak` may be left out), comma or
 * semicolon separated, fields quoted with `"` when they hold the separator.
 */
export const ImportFacilitiesInput = z.strictObject({
  csv: z.string().max(FACILITY_LIMITS.importCharsMax, `at most ${FACILITY_LIMITS.importCharsMax} characters`),
  /** Check every row and answer what would happen; nothing is written. */
  dryRun: z.boolean().default(false),
});
export type ImportFacilitiesInput = z.infer<typeof ImportFacilitiesInput>;

export const ImportFacilitiesQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

/** Why a row was refused: the CSV column and a stable code (the message is English, for logs). */
export const ImportIssueCode = z.enum(["required", "unknown_type", "not_number", "out_of_range", "too_long", "bad_text", "outside_region", "invalid", "duplicate"]);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;
export const ImportColumn = z.enum(["nama", "jenis", "alamat", "kontak", "lat", "lon"]);
export type ImportColumn = z.infer<typeof ImportColumn>;
export const ImportIssue = z.strictObject({ column: ImportColumn, code: ImportIssueCode, message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** One data row of the CSV: `line` is where it starts in the file (the header is line 1). */
export const ImportRowResult = z.strictObject({
  line: z.number().int().min(2),
  /**
   * `valid` in a dry run, `inserted` when written, `invalid` with its reasons either way, `duplicate` (never
   * written) when a facility of the same type and name is within FACILITY_LIMITS.duplicateRadiusM — already
   * stored, or an earlier row of the same file: importing one file twice adds nothing the second time.
   */
  status: z.enum(["valid", "inserted", "invalid", "duplicate"]),
  name: z.string().nullable(),
  type: FacilityType.nullable(),
  kecamatan: RegionRef.nullable(),
  desa: RegionRef.nullable(),
  /** The new facility (inserted rows only). */
  id: z.string().nullable(),
  reasons: z.array(ImportIssue),
  /** What a `duplicate` row repeats: a stored facility (its id) or an earlier row (its line), and how far apart. */
  duplicateOf: z.strictObject({ id: z.string().nullable(), line: z.number().int().nullable(), name: z.string(), distanceM: z.number().int().min(0) }).nullable(),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportFacilitiesResult = z.strictObject({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  inserted: z.number().int(),
  rows: z.array(ImportRowResult),
});
export type ImportFacilitiesResult = z.infer<typeof ImportFacilitiesResult>;

/** `minLng,minLat,maxLng,maxLat` in degrees, as Leaflet's `getBounds().toBBoxString()` writes it. */
const BBox = z
  .string()
  .transform((s, ctx) => {
    const n = s.split(",").map(Number);
    if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || n[0]! > n[2]! || n[1]! > n[3]!) {
      ctx.addIssue({ code: "custom", message: "bbox is minLng,minLat,maxLng,maxLat" });
      return z.NEVER;
    }
    return n as [number, number, number, number];
  });

/** The public list's filters; any other key is a 400 (like every public route). */
export const PublicFacilitiesQuery = z.strictObject({
  type: FacilityType.optional(),
  kecamatan: kecamatanKode.optional(),
  bbox: BBox.optional(),
});
export type PublicFacilitiesQuery = z.output<typeof PublicFacilitiesQuery>;

/** An active facility as anyone sees it: compact, for a map layer. */
export const PublicFacility = z.strictObject({
  id: z.string(),
  type: FacilityType,
  name: z.string(),
  address: z.string().nullable(),
  contact: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  kecamatanKode: z.string(),
  kecamatan: z.string(),
  desa: z.string().nullable(),
  /** Its photo is at GET /api/public/facilities/:id/photo. */
  hasPhoto: z.boolean(),
});
export type PublicFacility = z.infer<typeof PublicFacility>;
/** Exactly the keys a public facility carries (a test asserts the answer has these and no more). */
export const PUBLIC_FACILITY_KEYS = Object.keys(PublicFacility.shape) as (keyof PublicFacility)[];
