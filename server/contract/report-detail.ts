import { z } from "zod";
import { ClaimHolder } from "./claims.ts";
import { RegionRef } from "./regions.ts";
import { ReportStatus } from "./reports.ts";
import { ReportView } from "./report-view.ts";

/**
 * The whole report as a verifier, an admin or a leader reads it (`GET /api/reports/:id`), its event
 * history, its revisions as submitted and what changed between two of them. A superset of ReportView:
 * clients that know only the view keep working.
 */

/** Who wrote it: name, NIP and position (jabatan) as the Laporan Informasi is signed, and where they serve. */
export const ReportAuthor = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  /** The officer's own kecamatan; null for an account without one. */
  kecamatan: RegionRef.nullable(),
});

/** A declared photo; the file facts are null until it has been uploaded. */
export const PhotoDetail = z.strictObject({
  sha256: z.string(),
  uploaded: z.boolean(),
  mime: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

/** A verifier's live claim (lease) on the report: the holder as claims.ts names them, since when. */
export const ReportClaim = ClaimHolder.extend({ claimedAt: z.string() });
export type ReportClaim = z.infer<typeof ReportClaim>;

/** The incident (merged duplicates) the report belongs to. */
export const ReportIncidentRef = z.strictObject({ id: z.string(), number: z.string(), title: z.string() });

export const ReportDetail = z.strictObject({
  ...ReportView.shape,
  author: ReportAuthor,
  photos: z.array(PhotoDetail),
  /** The point lies in another kecamatan than the officer's own. */
  outsideOwnKecamatan: z.boolean(),
  /** The point lay outside Balangan (by `outsideMeters`) and was placed in the nearest kecamatan. */
  outsideBalangan: z.boolean(),
  /** Revisions stored (1 for a report never resent); `revision` is the current one. */
  revisionCount: z.number().int().min(1),
  amendedAt: z.string().nullable(),
  /** The live claim, if any (null for its author: officers see no claims). */
  claim: ReportClaim.nullable(),
  /** The incident it was merged into, if any (null for its author). */
  incident: ReportIncidentRef.nullable(),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

/** Everything that can happen to a report, as its history lists it. */
export const ReportEventAction = z.enum([
  "submitted",
  "revised",
  "amended",
  "amendment_reviewed",
  "claimed",
  "released",
  "claim_broken",
  "status_changed",
  "merged",
  "unmerged",
  "published",
  "unpublished",
  "assigned",
  "responded",
  "assignment_closed",
]);
export type ReportEventAction = z.infer<typeof ReportEventAction>;

/** One event of a report's history. */
export const ReportHistoryEntry = z.strictObject({
  id: z.string(),
  at: z.string(),
  action: ReportEventAction,
  /** Who did it; null for the system (an expired claim, a job). */
  actor: z.strictObject({ id: z.string(), displayName: z.string(), role: z.string() }).nullable(),
  fromStatus: ReportStatus.nullable(),
  toStatus: ReportStatus.nullable(),
  /** The verifier's note (a rejection's reason, what to revise), or a decision's note. */
  note: z.string().nullable(),
  /** Facts of the event: `{ revision }`, `{ incidentId, incidentNumber }`, `{ agencyId, agencyName }`, … */
  details: z.record(z.string(), z.json()).nullable(),
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntry>;

/** A revision as listed: which submission (client_id) produced it, and when it arrived. */
export const RevisionSummary = z.strictObject({
  revision: z.number().int().min(1),
  receivedAt: z.string(),
  clientId: z.string(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** A revision with its payload exactly as submitted (the validated SubmitReportInput). */
export const RevisionView = z.strictObject({
  ...RevisionSummary.shape,
  payload: z.record(z.string(), z.json()),
});
export type RevisionView = z.infer<typeof RevisionView>;

export const RevisionParams = z.object({
  id: z.string().uuid("not a report id"),
  n: z.coerce.number().int().min(1).max(100_000),
});

const revisionNumber = z.coerce.number().int().min(1).max(100_000);
export const RevisionDiffQuery = z.strictObject({ from: revisionNumber, to: revisionNumber });

/** A JSON value that holds no other: what one changed field path had and has. */
export const JsonLeaf = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type JsonLeaf = z.infer<typeof JsonLeaf>;

/** One field that differs; `before` or `after` is absent when the field was added or removed. */
export const FieldChange = z.strictObject({
  /** Dotted path into the payload, array items by index: `body.fakta.siapa`, `photos.0`. */
  path: z.string(),
  before: JsonLeaf.optional(),
  after: JsonLeaf.optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const RevisionDiff = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(FieldChange),
});
export type RevisionDiff = z.infer<typeof RevisionDiff>;

/** Fields about the submission rather than the report: each revision has its own, so they never count as changes. */
const SUBMISSION_FIELDS = new Set(["clientId", "sentAt", "revises"]);

function leaves(value: unknown, prefix: string, out: Map<string, JsonLeaf>): Map<string, JsonLeaf> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [k, v] of entries) {
      if (!prefix && SUBMISSION_FIELDS.has(k)) continue;
      leaves(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (value !== undefined) {
    out.set(prefix, value as JsonLeaf);
  }
  return out;
}

/**
 * The fields that differ between two payloads, field by field, sorted by path (stored payloads are jsonb,
 * which keeps no key order of its own). Pure: the server answers `GET /api/reports/:id/diff` with it, and
 * the dashboard may compare two revisions it already holds the same way.
 */
export function diffRevisions(before: unknown, after: unknown): FieldChange[] {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const changes: FieldChange[] = [];
  for (const [path, value] of b) {
    if (!a.has(path)) changes.push({ path, after: value });
    else if (a.get(path) !== value) changes.push({ path, before: a.get(path)!, after: value });
  }
  for (const [path, value] of a) if (!b.has(path)) changes.push({ path, before: value });
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** A verifier has looked at an amendment: the version they saw, like every decision. */
export const ReviewAmendmentInput = z.strictObject({ version: z.number().int().min(1) });
export type ReviewAmendmentInput = z.infer<typeof ReviewAmendmentInput>;
