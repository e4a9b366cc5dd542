import type { Logger } from "pino";
import type { Sequelize, Transaction } from "sequelize";
import type { AddIncidentReportsInput, CreateIncidentInput, IncidentDetail, IncidentListQuery, IncidentView } from "@contract/incidents.ts";
import { can, regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import { conflict, forbidden, invalid, notFound } from "../core/errors.ts";
import type { IoServer } from "../core/io.ts";
import type { RequestContext } from "../core/request-context.ts";
import { appendReportEvents } from "../reports/report-events.repo.ts";
import { findDuplicates, type DuplicateSettings } from "./duplicates.service.ts";
import { announceIncidentChange, seesKecamatanOf } from "./incident-changes.ts";
import { insertIncident, linkReports, lockIncident, markDissolved, refreshIncidentSummary, unlinkReports } from "./incidents.repo.ts";
import { getIncidentMembers, getIncidentRowsByIds, getReportsForMerge, listIncidentRows, type MergeReportRow } from "./incidents.read.repo.ts";
import { presentIncident, presentMember } from "./incidents.present.ts";

export interface IncidentsDeps {
  db: Sequelize;
  io: IoServer;
  audit: AuditService;
  clock: Clock;
  log: Logger;
  duplicates: DuplicateSettings;
}

/** May the actor merge into or out of an incident that touches these kecamatan? */
const managesAny = (actor: Actor, kecamatan: string[]) => kecamatan.some((k) => can(actor, "incident.manage", { kecamatanKode: k }));

/** The kecamatan whose incidents the actor may read (null: all); refuses roles that read none. */
function readScope(actor: Actor): string[] | null {
  if (!scopeOf(actor, "report.read.region")) throw forbidden();
  return regionFilter(actor);
}

/**
 * Each named report must exist within the actor's scope (else 404, as if it did not: ids reveal nothing),
 * be a situation report, and not be in an incident yet (else 409 naming the incident it is in).
 */
function checkMergeable(actor: Actor, ids: string[], rows: MergeReportRow[], intoIncidentId: string | null): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const r = byId.get(id);
    if (!r || !can(actor, "incident.manage", { kecamatanKode: r.kecamatan_kode })) throw notFound(`Report ${id} not found`);
    if (r.kind !== "situation") throw invalid(`${r.number} is a periodic report: only situation reports are merged`, { reportIds: "situation reports only" });
    if (r.incident_id && r.incident_id === intoIncidentId) throw conflict(`${r.number} is in this incident already`);
    if (r.incident_id) throw conflict(`${r.number} is already in incident ${r.incident_number}; take it out of that one first`);
  }
}

/**
 * Duplicates merged into incidents, and taken out again. Merging never changes a report: it links it
 * (incident_reports), writes `merged` / `unmerged` into each report's trail with the incident's id and
 * number, and records the same in the audit log, in one transaction; readers get `incident:changed`.
 *
 * An incident left with fewer than two reports dissolves: its last report is taken out too, and the
 * incident stays as a record (number, trail entries, follow-ups), no longer listed as active.
 */
export function createIncidentsService(deps: IncidentsDeps) {
  const { db, io, audit, clock, log } = deps;

  /** Link the checked reports; a report a concurrent merge took first makes the whole merge a 409. */
  async function link(incident: { id: string; number: string }, rows: MergeReportRow[], actor: Actor, now: Date, transaction: Transaction) {
    const ids = rows.map((r) => r.id);
    const linked = new Set(await linkReports(db, { incidentId: incident.id, reportIds: ids, mergedBy: actor.id, now }, transaction));
    const taken = ids.filter((id) => !linked.has(id));
    if (taken.length) {
      const [holder] = await getReportsForMerge(db, taken, transaction);
      throw conflict(`${holder?.number ?? taken[0]} was just merged into incident ${holder?.incident_number ?? "another incident"}`);
    }
    await refreshIncidentSummary(db, incident.id, now, transaction);
    const details = { incidentId: incident.id, incidentNumber: incident.number };
    await appendReportEvents(db, rows.map((r) => ({ reportId: r.id, actorId: actor.id, action: "merged" as const, details })), transaction);
  }

  async function auditEach(ctx: RequestContext, action: "incident.merged" | "incident.unmerged", rows: { id: string; number: string }[], details: object, transaction: Transaction) {
    for (const r of rows) await audit.record(ctx, action, { targetType: "report", targetId: r.id, details: { ...details, reportNumber: r.number } }, transaction);
  }

  /** The incident as `actor` sees it, with its reports (only those the actor may read). */
  async function detail(actor: Actor, id: string): Promise<IncidentDetail> {
    const [row] = await getIncidentRowsByIds(db, [id], readScope(actor));
    if (!row) throw notFound("Incident not found");
    const sees = seesKecamatanOf(actor);
    const members = (await getIncidentMembers(db, id)).filter((m) => sees(m.kecamatan_kode));
    return { ...presentIncident(row, sees), reports: members.map(presentMember) };
  }

  /** After the commit: tell the readers, from the incident as stored now. */
  async function announce(kind: "created" | "merged" | "unmerged" | "dissolved", incidentId: string, moved: { id: string; kecamatan_kode: string }[]) {
    const [row] = await getIncidentRowsByIds(db, [incidentId], null);
    if (row) announceIncidentChange(io, log, { kind, row, moved });
  }

  return {
    /** Possible duplicates of a report (see duplicates.service.ts). */
    duplicates: (actor: Actor, reportId: string, limit: number) => findDuplicates(db, deps.duplicates, actor, reportId, limit),

    get: detail,

    async list(actor: Actor, q: IncidentListQuery): Promise<{ incidents: IncidentView[]; total: number }> {
      const rows = await listIncidentRows(db, q, readScope(actor));
      const sees = seesKecamatanOf(actor);
      return { incidents: rows.map((r) => presentIncident(r, sees)), total: Number(rows[0]?.total ?? 0) };
    },

    /** Merge reports into a new incident, titled with the earliest report's perihal unless given a title. */
    async create(ctx: RequestContext, actor: Actor, input: CreateIncidentInput): Promise<IncidentDetail> {
      const now = clock.now();
      const { id, rows } = await db.transaction(async (transaction) => {
        const rows = await getReportsForMerge(db, input.reportIds, transaction);
        checkMergeable(actor, input.reportIds, rows, null);
        const earliest = [...rows].sort((a, b) => +a.occurred_at - +b.occurred_at || a.id.localeCompare(b.id))[0]!;
        const incident = await insertIncident(db, { title: input.title ?? earliest.perihal, createdBy: actor.id, now }, transaction);
        await link(incident, rows, actor, now, transaction);
        await audit.record(ctx, "incident.created", { targetType: "incident", targetId: incident.id, details: { number: incident.number, reportIds: input.reportIds } }, transaction);
        await auditEach(ctx, "incident.merged", rows, { incidentId: incident.id, incidentNumber: incident.number }, transaction);
        return { id: incident.id, rows };
      });
      await announce("created", id, rows);
      return detail(actor, id);
    },

    /** Merge more reports into an incident that is still active. */
    async addReports(ctx: RequestContext, actor: Actor, incidentId: string, input: AddIncidentReportsInput): Promise<IncidentDetail> {
      const now = clock.now();
      const rows = await db.transaction(async (transaction) => {
        const incident = await lockIncident(db, incidentId, transaction);
        if (!incident || !managesAny(actor, incident.kecamatan_kodes)) throw notFound("Incident not found");
        if (incident.dissolved_at) throw conflict(`Incident ${incident.number} was dissolved; merge the reports into a new incident`);
        const rows = await getReportsForMerge(db, input.reportIds, transaction);
        checkMergeable(actor, input.reportIds, rows, incident.id);
        await link(incident, rows, actor, now, transaction);
        await auditEach(ctx, "incident.merged", rows, { incidentId: incident.id, incidentNumber: incident.number }, transaction);
        return rows;
      });
      await announce("merged", incidentId, rows);
      return detail(actor, incidentId);
    },

    /**
     * Take a report out of an incident. When fewer than two would be left the incident dissolves and
     * its last report comes out too (its trail says so: `unmerged` with `dissolved: true`).
     */
    async removeReport(ctx: RequestContext, actor: Actor, incidentId: string, reportId: string): Promise<IncidentDetail> {
      const now = clock.now();
      const { dissolved, moved } = await db.transaction(async (transaction) => {
        const incident = await lockIncident(db, incidentId, transaction);
        if (!incident || !managesAny(actor, incident.kecamatan_kodes)) throw notFound("Incident not found");
        const [report] = await getReportsForMerge(db, [reportId], transaction);
        if (!report || report.incident_id !== incident.id || !can(actor, "incident.manage", { kecamatanKode: report.kecamatan_kode }))
          throw notFound("This report is not in the incident");
        await unlinkReports(db, incident.id, [reportId], transaction);
        const rest = await getIncidentMembers(db, incident.id, transaction);
        const dissolved = rest.length < 2;
        const moved = [report, ...(dissolved ? rest : [])];
        if (dissolved) {
          await unlinkReports(db, incident.id, rest.map((r) => r.id), transaction);
          await markDissolved(db, incident.id, now, transaction);
        } else await refreshIncidentSummary(db, incident.id, now, transaction);
        const details = { incidentId: incident.id, incidentNumber: incident.number, ...(dissolved ? { dissolved: true } : {}) };
        await appendReportEvents(db, moved.map((r) => ({ reportId: r.id, actorId: actor.id, action: "unmerged" as const, details })), transaction);
        await auditEach(ctx, "incident.unmerged", moved, details, transaction);
        if (dissolved) await audit.record(ctx, "incident.dissolved", { targetType: "incident", targetId: incident.id, details: { number: incident.number } }, transaction);
        return { dissolved, moved };
      });
      await announce(dissolved ? "dissolved" : "unmerged", incidentId, moved);
      return detail(actor, incidentId);
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
