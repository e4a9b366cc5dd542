import { z } from "zod";
import { REPORT_LIMITS, type ReportStatus } from "./reports.ts";
import { ReportView } from "./report-view.ts";
import { issueCode } from "./errors.ts";
import { FOLLOW_UP_LIMITS } from "./follow-ups.ts";
import { requiredSafeText, safeText } from "./text.ts";
import { instant } from "./time.ts";

/**
 * Claims (a verifier's lease on a report while deciding) and bulk triage. A claim is live until its
 * `expiresAt`; the server sends no event when a lease simply lapses, so clients treat a claim past its
 * `expiresAt` as gone.
 */

/** Who holds a report and until when: in the live events and in a 409's fields. */
export const ClaimHolder = z.strictObject({
  holderId: z.string(),
  /** The holder's display name: all that readers other than admins learn of them. */
  holderName: z.string(),
  expiresAt: z.string(),
});
export type ClaimHolder = z.infer<typeof ClaimHolder>;

/** Answer of `POST /api/reports/:id/claim`: the caller's lease, new or renewed. */
export const ClaimView = ClaimHolder.extend({
  reportId: z.string(),
  /** When this holder's lease began (a renewal keeps it). */
  claimedAt: z.string(),
});
export type ClaimView = z.infer<typeof ClaimView>;

/**
 * The live claims on the reports of one queue page, beside the page: a desk opening the queue sees who
 * holds what at once instead of after the next claim event. Empty for officers (they see no claims).
 */
export const QueueClaim = ClaimHolder.extend({ reportId: z.string() });
export type QueueClaim = z.infer<typeof QueueClaim>;

/**
 * `report:claimed` (claim: the new holder) and `report:released` (claim: null), to the report's
 * verifiers, admins and leaders; never to officers or guests. `brokenBy` is set when an admin broke
 * another's claim, so its holder knows why their lease ended.
 */
export interface ClaimNotice {
  reportId: string;
  claim: ClaimHolder | null;
  brokenBy?: { id: string; displayName: string };
}

/**
 * A 409 for a report another holds carries the holder in its `fields` under these keys (the error body
 * has string fields only), beside a message naming them.
 */
export const CLAIM_CONFLICT_FIELDS = { holderId: "claim.holderId", holderName: "claim.holderName", expiresAt: "claim.expiresAt" } as const;

/** The holder named by a 409's fields, or null when the conflict is of another kind (a stale version). */
export function claimHolderOf(fields: Record<string, string> | undefined): ClaimHolder | null {
  const holderId = fields?.[CLAIM_CONFLICT_FIELDS.holderId];
  const holderName = fields?.[CLAIM_CONFLICT_FIELDS.holderName];
  const expiresAt = fields?.[CLAIM_CONFLICT_FIELDS.expiresAt];
  return holderId && holderName && expiresAt ? { holderId, holderName, expiresAt } : null;
}

/** One bulk request's items at most: "all matching a filter" is paged by the client, 500 at a time. */
export const BULK_ITEMS_MAX = 500;

/** What a bulk decision does to each report, by the status it asks for. */
export const BULK_DECISIONS = {
  verify: "verified",
  reject: "rejected",
  request_revision: "revision_requested",
} as const satisfies Record<string, ReportStatus>;
export type BulkDecision = keyof typeof BULK_DECISIONS;

/** A report as its sender saw it: the version is what a decision is checked against. */
const BulkItem = z.strictObject({ id: z.string().uuid("not a report id"), version: z.number().int().min(1) });
const BulkItems = z.array(BulkItem).min(1, "at least one report").max(BULK_ITEMS_MAX, `at most ${BULK_ITEMS_MAX} reports`);

/**
 * Verify, reject or send back many reports with one note. Each item names the version its sender saw,
 * as a single decision does; a reject or a revision request needs the note.
 */
export const BulkDecisionInput = z
  .object({
    action: z.enum(Object.keys(BULK_DECISIONS) as [BulkDecision, ...BulkDecision[]]),
    note: safeText({ max: REPORT_LIMITS.statusNoteMax }).optional(),
    items: BulkItems,
  })
  .superRefine((v, ctx) => {
    if (v.action !== "verify" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "required when rejecting or asking for a revision", params: issueCode("required") });
  });
export type BulkDecisionInput = z.infer<typeof BulkDecisionInput>;

/**
 * Assign many verified reports to the same agencies with one instruction (follow-up, tindak lanjut);
 * deadline default three days. An assignment leaves the report as it is, so items' versions are not
 * checked.
 */
export const BulkAssignInput = z.object({
  action: z.literal("assign"),
  agencyIds: z
    .array(z.string().uuid("not an agency id"))
    .min(1, "at least one agency")
    .max(FOLLOW_UP_LIMITS.agenciesPerAssignment, `at most ${FOLLOW_UP_LIMITS.agenciesPerAssignment} agencies`)
    .refine((ids) => new Set(ids).size === ids.length, "an agency is named twice"),
  instruction: requiredSafeText({ max: FOLLOW_UP_LIMITS.instructionMax }),
  deadline: instant().optional(),
  items: BulkItems,
});
export type BulkAssignInput = z.infer<typeof BulkAssignInput>;

export const BulkInput = z.discriminatedUnion("action", [BulkDecisionInput, BulkAssignInput]);
export type BulkInput = z.infer<typeof BulkInput>;

/**
 * What happened to one item: `applied`; `not_found` (no such report, or outside the caller's scope);
 * `claimed` (another holds it: `claim` names them); `stale` (it changed since the sender saw it: `report`
 * is how it is now); `forbidden_transition` (its status does not allow this decision); `refused` (an
 * assignment the report does not allow: not verified, or the agency has it open already — `message`
 * says which); `failed` (the server could not apply it; the others are unaffected).
 */
export const BulkOutcome = z.enum(["applied", "not_found", "claimed", "stale", "forbidden_transition", "refused", "failed"]);
export type BulkOutcome = z.infer<typeof BulkOutcome>;

export const BulkItemResult = z.strictObject({
  id: z.string(),
  outcome: BulkOutcome,
  /** The report after the decision (`applied`) or as it is now (`stale`, `forbidden_transition`). */
  report: ReportView.optional(),
  claim: ClaimHolder.optional(),
  /** The assignments made (`assign`, applied): one per agency. */
  assignmentIds: z.array(z.string()).optional(),
  /** English, for logs; clients word the outcome themselves. */
  message: z.string().optional(),
});
export type BulkItemResult = z.infer<typeof BulkItemResult>;

/** Every item's result in the order sent, and how many ended each way. */
export const BulkResult = z.strictObject({
  results: z.array(BulkItemResult),
  counts: z.record(BulkOutcome, z.number().int().min(0)),
});
export type BulkResult = z.infer<typeof BulkResult>;

