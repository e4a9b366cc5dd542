import { z } from "zod";
import { RegionRef } from "./regions.ts";
import { Bidang, Kerawanan, ReportStatus, Sha256Hex } from "./reports.ts";
import { ReportView } from "./report-view.ts";
import { safeText } from "./text.ts";
import { DailyPeriod } from "./time.ts";

/**
 * Publishing (issue 14): a verified situation report shown to everyone in a redacted **public shape** —
 * a title and summary the verifier approved, bidang, kerawanan, the day (WITA), a point generalized to the
 * desa's or the kecamatan's centre, and only the photos chosen, re-encoded without metadata. Never the
 * reporter, a NIP, the source (sumber) or the analysis (pendapat), never a `rahasia` report.
 *
 * `PublicReport` is the only shape of a report anonymous visitors and guests ever receive (REST and the
 * public socket namespace); it is a strict object, so a field added by accident fails the contract test.
 */

export const PUBLIC_LIMITS = {
  titleMax: 200,
  summaryMax: 2_000,
  unpublishNoteMax: 2_000,
  /** The longest side of a published photo. */
  photoSideMax: 1280,
  pageMax: 100,
  pageDefault: 50,
} as const;

/** Publishing takes a report from `verified` to `published`; unpublishing takes it back. */
export const PUBLISH_FROM: ReportStatus = "verified";
export const UNPUBLISH_FROM: ReportStatus = "published";

/** How far a published point is generalized: to the desa's centre (default) or the kecamatan's. */
export const Generalization = z.enum(["desa", "kecamatan"]);
export type Generalization = z.infer<typeof Generalization>;

export const PublicPoint = z.strictObject({ lat: z.number(), lng: z.number() });
export type PublicPoint = z.infer<typeof PublicPoint>;

/** A published photo: a derivative of its own id (not the original's hash), served by `url`. */
export const PublicPhoto = z.strictObject({
  id: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type PublicPhoto = z.infer<typeof PublicPhoto>;

/** A published report as anyone may see it. The allow-list: exactly these keys, nothing else. */
export const PublicReport = z.strictObject({
  /** The report's id: a shareable link stays the same across unpublish and publish again. */
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  bidang: Bidang,
  kerawanan: Kerawanan,
  /** The day it happened, `YYYY-MM-DD` in WITA (no time of day). */
  day: z.string(),
  generalization: Generalization,
  /** The desa's centre (its label point) or the kecamatan's; never the reporter's point. */
  location: PublicPoint,
  kecamatan: RegionRef,
  /** Null when generalized to the kecamatan. */
  desa: RegionRef.nullable(),
  photos: z.array(PublicPhoto),
  publishedAt: z.string(),
});
export type PublicReport = z.infer<typeof PublicReport>;

/** The allow-list as data, for tests and reviewers: the keys a PublicReport has. */
export const PUBLIC_REPORT_KEYS = Object.keys(PublicReport.shape) as (keyof PublicReport)[];

/** Told on the public namespace when a report is withdrawn from public view. */
export const PublicReportWithdrawn = z.strictObject({ id: z.string() });
export type PublicReportWithdrawn = z.infer<typeof PublicReportWithdrawn>;

const regionKode = (example: string) => z.string().regex(/^63\.11\.\d{2}$/, `a kecamatan code such as ${example}`);

/**
 * The public list's filters: exactly these (any other query key is a 400). `from` and `to` are days
 * (WITA), both inclusive. `cursor` is the list's `page.next`.
 */
export const PublicReportsQuery = z.strictObject({
  kecamatan: regionKode("63.11.06").optional(),
  bidang: Bidang.optional(),
  from: DailyPeriod.optional(),
  to: DailyPeriod.optional(),
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\.\d{1,18}$/, "not a cursor of this list")
    .optional(),
  limit: z.coerce.number().int().min(1).max(PUBLIC_LIMITS.pageMax).default(PUBLIC_LIMITS.pageDefault),
});
export type PublicReportsQuery = z.output<typeof PublicReportsQuery>;

export const PublicReportParams = z.strictObject({ id: z.string().uuid("not a report id") });
export const PublicPhotoParams = z.strictObject({ id: z.string().uuid("not a photo id") });

const title = safeText({ max: PUBLIC_LIMITS.titleMax, singleLine: true }).pipe(z.string().min(1, "required"));
const summary = safeText({ max: PUBLIC_LIMITS.summaryMax }).pipe(z.string().min(1, "required"));

/**
 * Publish a verified report. Every public field is optional: the server drafts what is left out (title
 * from the perihal, summary from the facts of what happened and how, generalized to the desa, no photos).
 * `version` is the report's version the verifier saw; a report that moved on is refused (409).
 */
export const PublishInput = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  summary: summary.optional(),
  generalization: Generalization.optional(),
  /** Hashes of the report's uploaded photos to show, in order; none by default. */
  photos: z.array(Sha256Hex).max(5, "at most 5 photos").optional(),
});
export type PublishInput = z.infer<typeof PublishInput>;

/** Withdraw a publication: the reason is kept with it (the public saw it; the trail says why it went). */
export const UnpublishInput = z.strictObject({
  version: z.number().int().min(1),
  note: safeText({ max: PUBLIC_LIMITS.unpublishNoteMax }).pipe(z.string().min(1, "say why it is withdrawn")),
});
export type UnpublishInput = z.infer<typeof UnpublishInput>;

/** Why a report cannot be published now (none: it can). */
export const PublishBlocker = z.enum(["rahasia", "not_situation", "not_verified"]);
export type PublishBlocker = z.infer<typeof PublishBlocker>;

/** A place a publication may be generalized to: its centre and the names shown with it. */
export const PublicPlace = z.strictObject({ location: PublicPoint, kecamatan: RegionRef, desa: RegionRef.nullable() });
export type PublicPlace = z.infer<typeof PublicPlace>;

/**
 * What the publish panel starts from (staff only): the server's draft of the public shape, the places
 * it may be generalized to (`desa` null when the report has no desa), the photos that may be shown, and —
 * when published — what the public sees now.
 */
export const PublicDraft = z.strictObject({
  reportId: z.string(),
  version: z.number().int(),
  status: ReportStatus,
  blocker: PublishBlocker.nullable(),
  title: z.string(),
  summary: z.string(),
  bidang: Bidang.nullable(),
  kerawanan: Kerawanan,
  day: z.string(),
  places: z.strictObject({ desa: PublicPlace.nullable(), kecamatan: PublicPlace }),
  /** Uploaded photos (by hash) the verifier may choose from. */
  photos: z.array(Sha256Hex),
  published: PublicReport.nullable(),
});
export type PublicDraft = z.infer<typeof PublicDraft>;

/** What publishing and unpublishing answer: the report as staff see it now, and its public shape (null once withdrawn). */
export const PublicationResult = z.strictObject({ report: ReportView, published: PublicReport.nullable() });
export type PublicationResult = z.infer<typeof PublicationResult>;

/** The public map's filters: the list's, without paging (`from`/`to` are WITA days, inclusive). */
export const PublicMapQuery = PublicReportsQuery.omit({ cursor: true, limit: true });
export type PublicMapQuery = z.output<typeof PublicMapQuery>;

/** The most points the public map answer carries; the newest first, `truncated` says when more matched. */
export const PUBLIC_MAP_MAX_POINTS = 5_000;

/** A published report as a point on the public map: a subset of PublicReport's keys, nothing else. */
export const PublicMapPoint = PublicReport.pick({ id: true, title: true, bidang: true, kerawanan: true, day: true, location: true }).extend({
  kecamatanKode: z.string(),
});
export type PublicMapPoint = z.infer<typeof PublicMapPoint>;

/** Per kecamatan: how many current publications match the filters, by kerawanan. */
export const PublicKecamatanSummary = z.strictObject({
  kecamatan: RegionRef,
  total: z.number().int().min(0),
  kerawanan: z.record(Kerawanan, z.number().int().min(0)),
});
export type PublicKecamatanSummary = z.infer<typeof PublicKecamatanSummary>;

/** Everything the public map draws for a filter: the points and the per-kecamatan summary (all eight kecamatan). */
export const PublicMap = z.strictObject({
  points: z.array(PublicMapPoint),
  truncated: z.boolean(),
  summary: z.array(PublicKecamatanSummary),
});
export type PublicMap = z.infer<typeof PublicMap>;
