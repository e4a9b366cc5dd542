import type { Sequelize, Transaction } from "sequelize";
import type {
  AssignFollowUpResult,
  AssignFollowUpsInput,
  CreateFollowUpInput,
  FollowUpBoard,
  FollowUpListQuery,
  FollowUpView,
} from "@contract/follow-ups.ts";
import { can, regionFilter, scopeOf, type Action, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import { AppError, conflict, forbidden, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import { appendReportEvents, type ReportEventAction } from "../reports/report-events.repo.ts";
import { assignTarget, planAssignment, type AssignTarget } from "./follow-up-assign.ts";
import { lockAssignment, setClosed, setResponse } from "./follow-ups.repo.ts";
import { getAssignmentRowsByIds, getBoardRows, getIncidentTarget, getReportTargets, listAssignmentRows, type AssignmentRow } from "./follow-ups.read.repo.ts";
import { presentAssignment, presentBoardRow } from "./follow-ups.present.ts";
import { announceFollowUpChange } from "./follow-up-changes.ts";

export interface FollowUpsDeps {
  db: Sequelize;
  io: IoServer;
  audit: AuditService;
  clock: Clock;
}

/** The kecamatan whose assignments the actor may reach with `action` (null: all); none at all → 403. */
function scopeFor(actor: Actor, action: Action): string[] | null {
  if (!scopeOf(actor, action)) throw forbidden();
  return regionFilter(actor);
}

/**
 * Follow-up (tindak lanjut): assignments of verified reports and incidents to partner agencies, their
 * responses and closing, lists, and the leaders' board. Every step writes the trail of the report (of
 * each report of an incident) and the audit log in the same transaction, and tells the staff who may
 * read the assignment (`followup:changed`) after the commit. Times come from the injected clock.
 */
export function createFollowUpsService(deps: FollowUpsDeps) {
  const { db, io, audit, clock } = deps;

  async function announce(kind: "assigned" | "responded" | "closed", ids: string[]): Promise<AssignmentRow[]> {
    const rows = await getAssignmentRowsByIds(db, ids, null, clock.now());
    for (const row of rows) announceFollowUpChange(io, kind, row);
    return rows;
  }

  /** The reports whose trail hears of an assignment: its report, or its incident's reports now. */
  async function trailReports(a: { report_id: string | null; incident_id: string | null }, transaction: Transaction): Promise<string[]> {
    if (a.report_id) return [a.report_id];
    return (await getIncidentTarget(db, a.incident_id!, transaction))?.report_ids ?? [];
  }

  /** Move one assignment on (respond, close), checked in scope and state under its row lock. */
  async function step(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    s: { from: string[]; action: ReportEventAction; audit: "followup.responded" | "followup.closed"; note: string | null },
    write: (transaction: Transaction, now: Date) => Promise<void>,
  ): Promise<void> {
    const now = clock.now();
    await db.transaction(async (transaction) => {
      const locked = await lockAssignment(db, id, transaction);
      const [row] = locked ? await getAssignmentRowsByIds(db, [id], scopeFor(actor, "followup.manage"), now, transaction) : [];
      if (!locked || !row) throw notFound("Assignment not found");
      if (!s.from.includes(locked.status)) throw conflict(`This assignment is ${locked.status} already`);
      await write(transaction, now);
      const details = { assignmentId: id, agencyId: row.agency_id, agencyName: row.agency_name, ...(row.incident_id ? { incidentId: row.incident_id, incidentNumber: row.target_number } : {}) };
      const reports = await trailReports(locked, transaction);
      await appendReportEvents(db, reports.map((reportId) => ({ reportId, actorId: actor.id, action: s.action, note: s.note, details })), transaction);
      await audit.record(ctx, s.audit, { targetType: "assignment", targetId: id, details: { ...details, number: row.target_number } }, transaction);
    });
  }

  async function one(actor: Actor, id: string): Promise<FollowUpView> {
    const [row] = await getAssignmentRowsByIds(db, [id], scopeFor(actor, "followup.read"), clock.now());
    if (!row) throw notFound("Assignment not found");
    return presentAssignment(row);
  }

  return {
    /** `POST /api/follow-ups`: one report or incident to one or more agencies; all or nothing. */
    async create(ctx: RequestContext, actor: Actor, input: CreateFollowUpInput): Promise<FollowUpView[]> {
      scopeFor(actor, "followup.manage");
      const plan = await planAssignment(db, input, clock.now());
      const target: AssignTarget = input.reportId ? { type: "report", id: input.reportId } : { type: "incident", id: input.incidentId! };
      const ids = await db.transaction((transaction) => assignTarget({ db, audit }, actor, ctx, target, plan, transaction));
      return (await announce("assigned", ids)).map(presentAssignment);
    },

    /**
     * The same assignment for many reports (bulk triage): each report checked and committed on its own,
     * so one refused report leaves the others assigned; the answer says per report what happened.
     */
    async assign(actor: Actor, input: AssignFollowUpsInput, ctx: RequestContext | null = null): Promise<AssignFollowUpResult[]> {
      const refused = (reportId: string, err: AppError): AssignFollowUpResult => ({ reportId, ok: false, error: { code: err.code, message: err.message } });
      let plan;
      try {
        scopeFor(actor, "followup.manage");
        plan = await planAssignment(db, input, clock.now());
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return input.reportIds.map((id) => refused(id, err));
      }
      const results: AssignFollowUpResult[] = [];
      for (const reportId of input.reportIds) {
        try {
          const ids = await db.transaction((transaction) => assignTarget({ db, audit }, actor, ctx, { type: "report", id: reportId }, plan, transaction));
          await announce("assigned", ids);
          results.push({ reportId, ok: true, assignmentIds: ids });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push(refused(reportId, err));
        }
      }
      return results;
    },

    /** The agency's response, entered by staff on its behalf: open → responded. */
    async respond(ctx: RequestContext, actor: Actor, id: string, response: string): Promise<FollowUpView> {
      await step(ctx, actor, id, { from: ["open"], action: "responded", audit: "followup.responded", note: response }, (transaction, now) =>
        setResponse(db, { id, response, by: actor.id, now }, transaction),
      );
      await announce("responded", [id]);
      return one(actor, id);
    },

    /** Done with: open or responded → closed, with an optional note. */
    async close(ctx: RequestContext, actor: Actor, id: string, note: string | null): Promise<FollowUpView> {
      await step(ctx, actor, id, { from: ["open", "responded"], action: "assignment_closed", audit: "followup.closed", note }, (transaction, now) =>
        setClosed(db, { id, note, by: actor.id, now }, transaction),
      );
      await announce("closed", [id]);
      return one(actor, id);
    },

    async list(actor: Actor, q: FollowUpListQuery): Promise<{ assignments: FollowUpView[]; total: number }> {
      const rows = await listAssignmentRows(db, q, scopeFor(actor, "followup.read"), clock.now());
      return { assignments: rows.map(presentAssignment), total: Number(rows[0]?.total ?? 0) };
    },

    /** A report's assignments, and those of the incident it is in. Out of scope → 404. */
    async forReport(actor: Actor, reportId: string): Promise<FollowUpView[]> {
      const scope = scopeFor(actor, "followup.read");
      const [report] = await getReportTargets(db, [reportId]);
      if (!report || !can(actor, "followup.read", { kecamatanKode: report.kecamatan_kode })) throw notFound("Report not found");
      const rows = await listAssignmentRows(db, { report: reportId, overdue: undefined, limit: 1000, offset: 0 }, scope, clock.now());
      return rows.map(presentAssignment);
    },

    /** Per agency: open, overdue, responded, closed, and the mean time to respond, within the actor's scope. */
    async board(actor: Actor): Promise<FollowUpBoard> {
      const now = clock.now();
      const rows = await getBoardRows(db, scopeFor(actor, "followup.read"), now);
      return { asOf: now.toISOString(), agencies: rows.map(presentBoardRow) };
    },
  };
}

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
