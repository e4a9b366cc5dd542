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
