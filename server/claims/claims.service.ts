import type { Sequelize, Transaction } from "sequelize";
import type { ClaimHolder, ClaimView, QueueClaim } from "@contract/claims.ts";
import { can, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import { conflict, forbidden, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import { appendReportEvents } from "../reports/report-events.repo.ts";
import { canReadReport } from "../reports/reports.service.ts";
import { claimedByOther, type DecisionClaims } from "../reports/status.service.ts";
import { announceClaim } from "./claims.socket.ts";
import { dropClaim, getClaimTarget, getDisplayName, getLiveClaims, takeClaim, type ClaimTargetRow, type LiveClaimRow } from "./claims.repo.ts";

export interface ClaimsServiceDeps {
  db: Sequelize;
  io: IoServer;
  clock: Clock;
  audit: AuditService;
  leaseMinutes: number;
}

const holderOf = (c: Pick<LiveClaimRow, "holder_id" | "holder_name" | "expires_at">): ClaimHolder => ({
  holderId: c.holder_id,
  holderName: c.holder_name,
  expiresAt: new Date(c.expires_at).toISOString(),
});

/** How a release ended, for the announcement after the commit. */
type Released = { kind: "none" } | { kind: "released" } | { kind: "broken"; holderId: string };

/**
 * Claims as leases: a verifier takes a report for `leaseMinutes` and renews it while working on it; an
 * expired lease frees the report by itself; the holder releases it, or an admin breaks it. Taking,
 * releasing and breaking enter the report's event trail and the audit log (a renewal does not: the
 * detail renews every few minutes), and go live to the report's verifiers, admins and leaders (renewals
 * as well, with their new expiry).
 */
export function createClaimsService({ db, io, clock, audit, leaseMinutes }: ClaimsServiceDeps) {
  /** The report, if this actor may claim it; 404 when they may not even read it (no existence leak). */
  async function claimable(actor: Actor, reportId: string, transaction: Transaction): Promise<ClaimTargetRow> {
    const target = await getClaimTarget(db, reportId, transaction);
    if (!target || !canReadReport(actor, target)) throw notFound("Report not found");
    if (!can(actor, "report.claim", { kecamatanKode: target.kecamatan_kode })) throw forbidden("Only verifiers of its kecamatan may claim this report");
    return target;
  }

  const auditTarget = (target: ClaimTargetRow, actor: Actor, details: Record<string, unknown>) => ({
    actorId: actor.id,
    targetType: "report",
    targetId: target.id,
    details: { number: target.number, ...details },
  });

  async function tryClaim(actor: Actor, reportId: string, ctx: RequestContext | null) {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + leaseMinutes * 60_000);
    return db.transaction(async (transaction) => {
      const target = await claimable(actor, reportId, transaction);
      const taken = await takeClaim(db, { reportId, holderId: actor.id, now, expiresAt }, transaction);
      if (!taken) {
        const [holder] = await getLiveClaims(db, [reportId], now, transaction);
        return { target, holder };
      }
      if (!taken.renewed) {
        const expires = expiresAt.toISOString();
        await appendReportEvents(db, [{ reportId, actorId: actor.id, action: "claimed", details: { expiresAt: expires } }], transaction);
        await audit.record(ctx, "report.claimed", auditTarget(target, actor, { expiresAt: expires }), transaction);
      }
      return { target, taken };
    });
  }

  async function release(actor: Actor, reportId: string, ctx: RequestContext | null): Promise<void> {
    const now = clock.now();
    const { target, released } = await db.transaction(async (transaction): Promise<{ target: ClaimTargetRow; released: Released }> => {
      const target = await claimable(actor, reportId, transaction);
      const own = await dropClaim(db, { reportId, holderId: actor.id, now }, transaction);
      if (own) {
        // A lapsed lease of one's own is tidied away without a trace: it had ended already.
        if (!own.was_live) return { target, released: { kind: "none" } };
        await appendReportEvents(db, [{ reportId, actorId: actor.id, action: "released" }], transaction);
        await audit.record(ctx, "report.released", auditTarget(target, actor, {}), transaction);
        return { target, released: { kind: "released" } };
      }
      const [held] = await getLiveClaims(db, [reportId], now, transaction);
      if (!held) return { target, released: { kind: "none" } };
      if (!can(actor, "report.claim.break")) throw claimedByOther(holderOf(held));
      await dropClaim(db, { reportId, holderId: held.holder_id, now }, transaction);
      const details = { holderId: held.holder_id, holderName: held.holder_name };
      await appendReportEvents(db, [{ reportId, actorId: actor.id, action: "claim_broken", details }], transaction);
      await audit.record(ctx, "report.claim_broken", auditTarget(target, actor, details), transaction);
      return { target, released: { kind: "broken", holderId: held.holder_id } };
    });
    const where = { kecamatanKode: target.kecamatan_kode };
    if (released.kind === "released") announceClaim(io, "report:released", where, { reportId, claim: null });
    if (released.kind === "broken") {
      const brokenBy = { id: actor.id, displayName: (await getDisplayName(db, actor.id)) ?? "" };
      announceClaim(io, "report:released", where, { reportId, claim: null, brokenBy }, [released.holderId]);
    }
  }

  const decisions: DecisionClaims = {
    async liveClaim(reportId, transaction) {
      const [held] = await getLiveClaims(db, [reportId], clock.now(), transaction);
      return held ? holderOf(held) : null;
    },
    async endOwnClaim(reportId, holderId, transaction) {
      await dropClaim(db, { reportId, holderId, now: clock.now() }, transaction);
    },
    announceReleased(report) {
      announceClaim(io, "report:released", report, { reportId: report.id, claim: null });
    },
  };

  return {
    /** The live claims on reports a reader already lists; officers (authors) see none, as in the detail. */
    async liveOn(actor: Actor, reportIds: string[]): Promise<QueueClaim[]> {
      if (actor.role === "officer" || !reportIds.length) return [];
      const rows = await getLiveClaims(db, reportIds, clock.now());
      return rows.map((row) => ({ reportId: row.report_id, ...holderOf(row) }));
    },

    /**
     * Take the report or renew one's own lease. 409 naming the holder while somebody else's lease is
     * live; of verifiers claiming at once exactly one gets it.
     */
    async claim(actor: Actor, reportId: string, ctx: RequestContext | null = null): Promise<ClaimView> {
      // The holder may release between our refused take and our read of who holds it: then try again.
      for (let attempt = 0; ; attempt++) {
        const { target, taken, holder } = await tryClaim(actor, reportId, ctx);
        if (taken) {
          const claim = holderOf(taken);
          // Renewals too: others judge a claim by its expiresAt, so they must learn the new one.
          announceClaim(io, "report:claimed", { kecamatanKode: target.kecamatan_kode }, { reportId, claim });
          return { reportId, ...claim, claimedAt: new Date(taken.claimed_at).toISOString() };
        }
        if (holder) throw claimedByOther(holderOf(holder));
        if (attempt >= 2) throw conflict("Another verifier is taking this report; try again");
      }
    },

    /** Release one's own lease (nothing held: nothing to do); an admin breaks another's, and its holder is told. */
    release,

    /** What the status service asks of claims (see DecisionClaims). */
    decisions,
  };
}

export type ClaimsService = ReturnType<typeof createClaimsService>;
