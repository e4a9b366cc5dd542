import { claimHolderOf, type ClaimHolder, type ClaimNotice } from "@contract/claims.ts";
import { isApiError } from "@kit/api-error.ts";

/**
 * Who holds which report, as the claim events tell it. The server sends nothing when a lease simply
 * lapses, so a claim is live only while its `expiresAt` is ahead of the clock.
 */
export type ClaimMap = ReadonlyMap<string, ClaimHolder>;

/** The map after a `report:claimed` / `report:released` notice. */
export function applyClaimNotice(claims: ClaimMap, notice: ClaimNotice): ClaimMap {
  const next = new Map(claims);
  if (notice.claim) next.set(notice.reportId, notice.claim);
  else next.delete(notice.reportId);
  return next;
}

/** The live holder of a report, if any. */
export function liveClaim(claims: ClaimMap, reportId: string, now: number = Date.now()): ClaimHolder | null {
  const claim = claims.get(reportId);
  return claim && Date.parse(claim.expiresAt) > now ? claim : null;
}

/** The holder named by a refusal (409 while another holds the report), or null for any other failure. */
export function holderOfRefusal(err: unknown): ClaimHolder | null {
  return isApiError(err) && err.code === "conflict" ? claimHolderOf(err.fields) : null;
}

/**
 * Orders what a screen learns of claims from two sources: live notices and reads of the report. A read
 * answers as of when the server handled it, so one sent before a notice about the same report arrived may
 * answer with what that notice has already replaced (a release, then the read's "still held" lands last).
 * Such a read is dropped; the notice is newer.
 */
export function createClaimOrder() {
  let tick = 0;
  const lastNotice = new Map<string, number>();
  return {
    /** A live notice about `reportId` arrived. */
    noticed(reportId: string): void {
      lastNotice.set(reportId, ++tick);
    },
    /** Call as a read is sent; pass the mark to `isStale` when it answers. */
    mark(): number {
      return tick;
    },
    /** Whether a notice about `reportId` arrived after the read marked `sentAt` was sent. */
    isStale(reportId: string, sentAt: number): boolean {
      return (lastNotice.get(reportId) ?? 0) > sentAt;
    },
  };
}
