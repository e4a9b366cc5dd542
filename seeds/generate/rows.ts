import type { SubmitReportInput } from "@contract/reports.ts";
import type { Lifecycle, Person } from "./lifecycle.ts";

/**
 * A generated report as the database holds it after intake and everything that followed: the row, each
 * submitted revision (its payload exactly what the phone sent, validated), the event trail and the audit
 * entries — shaped as intake, the status service, claims and amendments write them.
 */

export interface ReportRow {
  id: string;
  clientId: string;
  authorId: string;
  kind: SubmitReportInput["kind"];
  period: string | null;
  revision: number;
  classification: string;
  bidang: string | null;
  subCategory: string | null;
  perihal: string;
  kerawanan: string;
  occurredAt: string;
  sentAt: string;
  receivedAt: string;
  lng: number;
  lat: number;
  accuracyM: number | null;
  locationSource: string;
  kecamatanKode: string;
  desaKode: string;
  status: string;
  statusNote: string | null;
  version: number;
  amendedAt: string | null;
}

export interface RevisionRow {
  reportId: string;
  clientId: string;
  revision: number;
  payload: SubmitReportInput;
  receivedAt: string;
}

export interface EventRow {
  reportId: string;
  actorId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

/**
 * An audit entry. Report numbers are given by the database as reports are stored, so an entry that names
 * one says which report (`numberOf`) and under which key (`numberKey`); SQL adds it to the details.
 */
export interface AuditRow {
  action: string;
  actorId: string;
  actorUsername: string;
  targetType: "report" | "incident" | "assignment";
  targetId: string;
  details: Record<string, unknown>;
  numberOf: string | null;
  numberKey: "number" | "reportNumber" | null;
  at: string;
}

export interface GeneratedReport {
  report: ReportRow;
  revisions: RevisionRow[];
  events: EventRow[];
  audit: AuditRow[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What the audit log calls each step (the actions claims.service, status.service and amendments use). */
const AUDITED: Partial<Record<string, string>> = {
  claimed: "report.claimed",
  status_changed: "report.status_changed",
  amendment_reviewed: "report.amendment_reviewed",
};

export interface RowParts {
  id: string;
  author: Person;
  first: SubmitReportInput;
  firstReceivedAt: number;
  /** The resent revision, when the lifecycle has one. */
  second?: SubmitReportInput;
  life: Lifecycle;
  kecamatanKode: string;
  desaKode: string;
}

/** The row, revisions, trail and audit entries of one report. */
export function buildReport(p: RowParts): GeneratedReport {
  const current = p.second ?? p.first;
  const { life } = p;
  const report: ReportRow = {
    id: p.id,
    clientId: p.first.clientId,
    authorId: p.author.id,
    kind: current.kind,
    period: current.kind === "situation" ? null : current.period,
    revision: p.second ? 2 : 1,
    classification: current.classification,
    bidang: current.kind === "situation" ? current.bidang : null,
    subCategory: current.kind === "situation" ? current.subCategory : null,
    perihal: current.perihal,
    kerawanan: current.kerawanan,
    occurredAt: current.occurredAt,
    sentAt: current.sentAt,
    receivedAt: iso(p.firstReceivedAt),
    lng: current.location.lng,
    lat: current.location.lat,
    accuracyM: current.location.accuracyM,
    locationSource: current.location.source,
    kecamatanKode: p.kecamatanKode,
    desaKode: p.desaKode,
    status: life.status,
    statusNote: life.statusNote,
    version: life.version,
    amendedAt: life.amendedAt === null ? null : iso(life.amendedAt),
  };
  const revisions: RevisionRow[] = [{ reportId: p.id, clientId: p.first.clientId, revision: 1, payload: p.first, receivedAt: report.receivedAt }];
  if (p.second && life.revision2)
    revisions.push({ reportId: p.id, clientId: p.second.clientId, revision: 2, payload: p.second, receivedAt: iso(life.revision2.receivedAt) });

  const events: EventRow[] = [
    { reportId: p.id, actorId: p.author.id, action: "submitted", fromStatus: null, toStatus: "submitted", note: null, details: null, at: report.receivedAt },
  ];
  const audit: AuditRow[] = [];
  let version = 1;
  for (const s of life.steps) {
    if (s.action !== "claimed") version++;
    const details = s.action === "revised" || s.action === "amended" ? { ...s.details, clientId: p.second?.clientId } : (s.details ?? null);
    events.push({ reportId: p.id, actorId: s.actor.id, action: s.action, fromStatus: s.from ?? null, toStatus: s.to ?? null, note: s.note ?? null, details, at: iso(s.at) });
    const action = AUDITED[s.action];
    if (!action) continue;
    const auditDetails = s.action === "status_changed" ? { from: s.from, to: s.to, note: s.note ?? null, version } : { ...s.details };
    audit.push({
      action,
      actorId: s.actor.id,
      actorUsername: s.actor.username,
      targetType: "report",
      targetId: p.id,
      details: auditDetails,
      numberOf: p.id,
      numberKey: "number",
      at: iso(s.at),
    });
  }
  return { report, revisions, events, audit };
}
