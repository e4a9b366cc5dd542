import type { Logger } from "pino";
import {
  BULK_DECISIONS,
  BulkOutcome,
  type BulkAssignInput,
  type BulkDecisionInput,
  type BulkInput,
  type BulkItemResult,
  type BulkResult,
} from "@contract/claims.ts";
import type { AssignFollowUpResult, AssignFollowUpsInput } from "@contract/follow-ups.ts";
import type { Actor } from "../auth/permissions.ts";
import type { RequestContext } from "../core/request-context.ts";
import { claimedByOther, type DecisionOutcome, type StatusService } from "./status.service.ts";

/**
 * Follow-ups' assignment of many reports (follow-ups/ supplies it; app.ts wires it, since follow-ups/
 * imports reports/ for the event trail): each report checked and committed on its own.
 */
export type AssignReports = (actor: Actor, input: AssignFollowUpsInput, ctx: RequestContext | null) => Promise<AssignFollowUpResult[]>;

export interface BulkServiceDeps {
  status: StatusService;
  assign: AssignReports;
  log: Logger;
}

/** A single decision's outcome as one bulk item's result. */
function decisionResult(id: string, to: string, d: DecisionOutcome): BulkItemResult {
  switch (d.outcome) {
    case "applied":
      return { id, outcome: "applied", report: d.report };
    // A report the caller may read but not decide on is outside their scope for deciding: the same answer
    // as one they cannot see, so a list of ids probes nothing.
    case "not_found":
    case "not_allowed":
      return { id, outcome: "not_found", message: "Report not found" };
    case "claimed":
      return { id, outcome: "claimed", claim: d.claim, message: claimedByOther(d.claim).message };
    case "stale":
      return { id, outcome: "stale", report: d.report, message: "The report changed since it was loaded" };
    case "forbidden_transition":
      return { id, outcome: "forbidden_transition", report: d.report, message: `A report that is ${d.report.status} cannot become ${to}` };
  }
}

/** One report's assignment result as a bulk item's. */
function assignResult(r: AssignFollowUpResult): BulkItemResult {
  if (r.ok) return { id: r.reportId, outcome: "applied", assignmentIds: r.assignmentIds };
  if (r.error.code === "not_found" || r.error.code === "forbidden") return { id: r.reportId, outcome: "not_found", message: "Report not found" };
  return { id: r.reportId, outcome: "refused", message: r.error.message };
}

/**
 * Bulk triage: one decision with one note (or one assignment) over many reports. Each item is a whole
 * action of its own — checked (scope, claim, version, status), applied in its own transaction, audited,
 * announced — so one refused or failing item changes nothing for the others, and the answer says what
 * became of each, in the order sent. Items run one after another: they may name a report twice (the
 * second then finds it moved on), and the embedded database serialises transactions anyway.
 */
export function createBulkService({ status, assign, log }: BulkServiceDeps) {
  async function decideEach(actor: Actor, input: BulkDecisionInput, ctx: RequestContext | null): Promise<BulkItemResult[]> {
    const to = BULK_DECISIONS[input.action];
    const results: BulkItemResult[] = [];
    for (const item of input.items) {
      try {
        const decided = await status.decide(actor, item.id, { status: to, note: input.note, version: item.version }, ctx, { bulk: true });
        results.push(decisionResult(item.id, to, decided));
      } catch (err) {
        // Its transaction rolled back; the items before and after stand.
        log.error({ err, reportId: item.id, action: input.action }, "bulk item failed");
        results.push({ id: item.id, outcome: "failed", message: "Could not be applied; try this report again" });
      }
    }
    return results;
  }

  async function assignEach(actor: Actor, input: BulkAssignInput, ctx: RequestContext | null): Promise<BulkItemResult[]> {
    const { agencyIds, instruction, deadline } = input;
    const done = await assign(actor, { reportIds: input.items.map((i) => i.id), agencyIds, instruction, deadline }, ctx);
    return done.map(assignResult);
  }

  return {
    async apply(actor: Actor, input: BulkInput, ctx: RequestContext | null): Promise<BulkResult> {
      const results = input.action === "assign" ? await assignEach(actor, input, ctx) : await decideEach(actor, input, ctx);
      const counts = Object.fromEntries(BulkOutcome.options.map((o) => [o, 0])) as BulkResult["counts"];
      for (const r of results) counts[r.outcome]++;
      return { results, counts };
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
