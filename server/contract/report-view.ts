import { z } from "zod";
import { LocateResult } from "./regions.ts";
import {
  Bidang,
  DailyBody,
  Kerawanan,
  MonthlyBody,
  ReportKind,
  ReportLocation,
  ReportStatus,
  SituationBody,
  Sha256Hex,
  WeeklyBody,
} from "./reports.ts";

/**
 * What leaves the server about reports, as schemas: the REST table (routes.ts) and the socket events
 * (events.ts) name these, and the contract test checks every answer against them.
 */

/**
 * The body of a report of any kind: what intake accepts (stored bodies also have every default filled in,
 * and a phone's provisional copy is the body it sent).
 */
export type ReportBody = z.input<typeof SituationBody> | z.input<typeof DailyBody> | z.input<typeof WeeklyBody> | z.input<typeof MonthlyBody>;
// Checked for shape only: the body was validated at intake, and re-running the input rules (dates against
// today's clock) on an old report could refuse what was valid when it came in.
const ReportBodyShape = z.custom<ReportBody>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "a report body");

/** Where a stored report lies: the kecamatan and desa its point was placed in, and how far outside it was. */
export const ReportPlace = LocateResult.extend({
  /** Set when the point lay up to 2 km outside Balangan and was assigned to the nearest kecamatan. */
  outsideMeters: z.number(),
});
export type ReportPlace = z.infer<typeof ReportPlace>;

/** Which report, which revision of it, and where it stands: in intake's answer and in every view. */
const ReportIdentity = z.strictObject({
  id: z.string(),
  /** LI-YYYY-NNNNNN, what officers and verifiers quote. */
  number: z.string(),
  revision: z.number().int(),
  status: ReportStatus,
});

/** What intake answers (ack or REST) once the report is committed. */
export const SubmitResult = z.strictObject({
  clientId: z.string(),
  ...ReportIdentity.shape,
  ...ReportPlace.shape,
  /** True when this client_id had been received before: the original result, nothing new written. */
  duplicate: z.boolean(),
});
export type SubmitResult = z.infer<typeof SubmitResult>;

/** A report as verifiers, admins, leaders and its own author see it. */
export const ReportView = z.strictObject({
  ...ReportIdentity.shape,
  kind: ReportKind,
  period: z.string().nullable(),
  classification: z.enum(["biasa", "rahasia"]),
  bidang: Bidang.nullable(),
  subCategory: z.string().nullable(),
  perihal: z.string(),
  kerawanan: Kerawanan,
  body: ReportBodyShape,
  occurredAt: z.string(),
  sentAt: z.string(),
  receivedAt: z.string(),
  location: ReportLocation,
  ...ReportPlace.shape,
  author: z.strictObject({ id: z.string(), displayName: z.string() }),
  photos: z.array(z.strictObject({ sha256: z.string(), uploaded: z.boolean() })),
  /** The verifier's note on the current status (a rejection's reason, what to revise); null if none. */
  statusNote: z.string().nullable(),
  version: z.number().int(),
  /**
   * When its author last amended it after it was verified (a periodic report sent again), while no
   * verifier has reviewed that amendment yet; null otherwise. The server always sends it; a phone's
   * provisional copy of a report it has not delivered yet has no such field.
   */
  amendedAt: z.string().nullable().optional(),
});
export type ReportView = z.infer<typeof ReportView>;

/** Answer of a photo upload: `created` false for a repeat of one already stored. */
export const PhotoResult = z.strictObject({ sha256: z.string(), created: z.boolean() });
export type PhotoResult = z.infer<typeof PhotoResult>;

/** A sub-category of a bidang as the form offers it; admins add, rename, reorder and retire them. */
export const SubCategoryView = z.strictObject({
  id: z.number().int(),
  bidang: Bidang,
  name: z.string(),
  active: z.boolean(),
  sort: z.number().int(),
});
export type SubCategoryView = z.infer<typeof SubCategoryView>;

export const ReportIdParams = z.object({ id: z.string().uuid("not a report id") });
export const PhotoParams = ReportIdParams.extend({ sha256: Sha256Hex });
export const SubCategoryIdParams = z.object({ id: z.coerce.number().int().positive("not a sub-category id") });
