import type { Sequelize, Transaction } from "sequelize";
import { FOLLOW_UP_LIMITS } from "@contract/follow-ups.ts";
import { can, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { RequestContext } from "../core/request-context.ts";
import { appendReportEvents } from "../reports/report-events.repo.ts";
import { getAgenciesByIds, type AgencyRow } from "./agencies.repo.ts";
import { insertAssignments } from "./follow-ups.repo.ts";
import { getIncidentTarget, getReportTargets } from "./follow-ups.read.repo.ts";

/** What an assignment goes to. */
export type AssignTarget = { type: "report"; id: string } | { type: "incident"; id: string };

/** The checked parts of an assignment request, the same for every target it names. */
export interface AssignPlan {
  agencies: AgencyRow[];
  instruction: string;
  deadline: Date;
  now: Date;
}

const DAY_MS = 24 * 3_600_000;
/** Reports that may be assigned: what a verifier has vouched for. */
const ASSIGNABLE = ["verified", "published"];

/**
 * Check the agencies (known and active) and the deadline (default three days from `now`; in the future,
 * within a year), once per request.
 */
export async function planAssignment(
  db: Sequelize,
  input: { agencyIds: string[]; instruction: string; deadline?: string },
  now: Date,
): Promise<AssignPlan> {
  const deadline = input.deadline ? new Date(input.deadline) : new Date(now.getTime() + FOLLOW_UP_LIMITS.defaultDeadlineDays * DAY_MS);
  if (deadline <= now) throw invalid("The deadline has passed already", { deadline: "must be in the future" });
  if (deadline.getTime() > now.getTime() + FOLLOW_UP_LIMITS.deadlineMaxDays * DAY_MS)
    throw invalid("The deadline is more than a year away", { deadline: `at most ${FOLLOW_UP_LIMITS.deadlineMaxDays} days ahead` });
  const found = new Map((await getAgenciesByIds(db, input.agencyIds)).map((a) => [a.id, a]));
  const unusable = input.agencyIds.filter((id) => !found.get(id)?.active);
  if (unusable.length) throw invalid("Unknown or retired agency", { agencyIds: `not an active agency: ${unusable.join(", ")}` });
  return { agencies: input.agencyIds.map((id) => found.get(id)!), instruction: input.instruction, deadline, now };
}

/** The target checked for this actor: in scope (else 404, as if absent), assignable (else 409). */
async function checkTarget(db: Sequelize, actor: Actor, target: AssignTarget, transaction: Transaction) {
  if (target.type === "report") {
    const [r] = await getReportTargets(db, [target.id], transaction);
    if (!r || !can(actor, "followup.manage", { kecamatanKode: r.kecamatan_kode })) throw notFound("Report not found");
    if (!ASSIGNABLE.includes(r.status)) throw conflict(`${r.number} is ${r.status}: only verified or published reports are assigned`);
    return { number: r.number, reportIds: [r.id], details: {} };
  }
  const i = await getIncidentTarget(db, target.id, transaction);
  if (!i || !i.kecamatan_kodes.some((k) => can(actor, "followup.manage", { kecamatanKode: k }))) throw notFound("Incident not found");
  if (i.dissolved_at) throw conflict(`Incident ${i.number} was dissolved`);
  return { number: i.number, reportIds: i.report_ids, details: { incidentId: i.id, incidentNumber: i.number } };
}

/**
 * One assignment per agency for one target, inside the caller's transaction: the rows, `assigned` in the
 * trail of the report (of each report, for an incident) and each assignment in the audit log. An agency
 * with an assignment for this target not yet closed makes the whole target a 409, naming the agency.
 */
export async function assignTarget(
  deps: { db: Sequelize; audit: AuditService },
  actor: Actor,
  ctx: RequestContext | null,
  target: AssignTarget,
  plan: AssignPlan,
  transaction: Transaction,
): Promise<string[]> {
  const { db, audit } = deps;
  const t = await checkTarget(db, actor, target, transaction);
  const deadline = plan.deadline.toISOString();
  const rows = await insertAssignments(
    db,
    plan.agencies.map((a) => ({
      reportId: target.type === "report" ? target.id : null,
      incidentId: target.type === "incident" ? target.id : null,
      agencyId: a.id,
      instruction: plan.instruction,
      deadline,
      createdBy: actor.id,
    })),
    plan.now,
    transaction,
  );
  const made = new Set(rows.map((r) => r.agency_id));
  const pending = plan.agencies.filter((a) => !made.has(a.id));
  if (pending.length) throw conflict(`${pending.map((a) => a.name).join(", ")} already ha${pending.length > 1 ? "ve" : "s"} ${t.number} open`);

  const agencyOf = new Map(plan.agencies.map((a) => [a.id, a]));
  const facts = rows.map((r) => ({ assignmentId: r.id, agencyId: r.agency_id, agencyName: agencyOf.get(r.agency_id)!.name, deadline }));
  await appendReportEvents(
    db,
    facts.flatMap((f) => t.reportIds.map((reportId) => ({ reportId, actorId: actor.id, action: "assigned" as const, note: plan.instruction, details: { ...t.details, ...f } }))),
    transaction,
  );
  for (const f of facts)
    await audit.record(
      ctx,
      "followup.assigned",
      { actorId: actor.id, targetType: "assignment", targetId: f.assignmentId, details: { target: target.type, targetId: target.id, number: t.number, ...f } },
      transaction,
    );
  return rows.map((r) => r.id);
}
