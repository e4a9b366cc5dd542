import { z } from "zod";
import { KecamatanKode } from "./auth.ts";
import { RegionRef } from "./regions.ts";
import { Bidang, Classification, Kerawanan, ReportStatus } from "./reports.ts";
import { requiredSafeText, safeText } from "./text.ts";
import { instant } from "./time.ts";

/**
 * Duplicates and incidents: situation reports about one event, found by place, time, bidang and text,
 * and merged by a verifier into an incident that the map and the counts show once. Merging never changes
 * a report; an incident left with fewer than two reports dissolves (kept for history, listed no more).
 */

export const INCIDENT_LIMITS = {
  titleMax: 200,
  /** Reports one merge request may name. */
  reportsPerRequest: 50,
  candidatesMax: 50,
} as const;

const ReportId = z.string().uuid("not a report id");
const reportIds = (min: number) =>
  z
    .array(ReportId)
    .min(min, `at least ${min} report${min > 1 ? "s" : ""}`)
    .max(INCIDENT_LIMITS.reportsPerRequest, `at most ${INCIDENT_LIMITS.reportsPerRequest} reports`)
    .refine((ids) => new Set(ids).size === ids.length, "a report is named twice");

export const IncidentIdParams = z.object({ id: z.string().uuid("not an incident id") });
export const IncidentReportParams = IncidentIdParams.extend({ reportId: ReportId });

/** Merge reports into a new incident. Without a title it takes the earliest report's perihal. */
export const CreateIncidentInput = z
  .object({
    reportIds: reportIds(2),
    title: requiredSafeText({ max: INCIDENT_LIMITS.titleMax, singleLine: true }).optional(),
  })
  .strict();
export type CreateIncidentInput = z.infer<typeof CreateIncidentInput>;

/** Merge more reports into an existing incident. */
export const AddIncidentReportsInput = z.object({ reportIds: reportIds(1) }).strict();
export type AddIncidentReportsInput = z.infer<typeof AddIncidentReportsInput>;

export const IncidentStatus = z.enum(["active", "dissolved"]);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const IncidentListQuery = z.object({
  status: IncidentStatus.default("active"),
  /** Incidents with a report in this kecamatan. */
  kecamatan: KecamatanKode.optional(),
  bidang: Bidang.optional(),
  /** The incident's kerawanan (the highest of its reports). */
  kerawanan: Kerawanan.optional(),
  /** The incident this report belongs to (a list of zero or one). */
  report: ReportId.optional(),
  /** Incidents whose time span (first to last occurred_at) overlaps [from, to]. */
  from: instant().optional(),
  to: instant().optional(),
  /** Words of the title or number. */
  q: safeText({ max: 100, singleLine: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

const Person = z.strictObject({ id: z.string(), displayName: z.string() });
const Point = z.strictObject({ lat: z.number(), lng: z.number() });

/** A report of an incident, as far as the incident's readers need it. */
export const IncidentMember = z.strictObject({
  id: z.string(),
  number: z.string(),
  perihal: z.string(),
  kerawanan: Kerawanan,
  status: ReportStatus,
  classification: Classification,
  occurredAt: z.string(),
  kecamatan: RegionRef,
  desa: RegionRef.nullable(),
  location: Point,
  mergedAt: z.string(),
  mergedBy: Person.nullable(),
});
export type IncidentMember = z.infer<typeof IncidentMember>;

/** An incident in a list, on the map and in `incident:changed`. */
export const IncidentView = z.strictObject({
  id: z.string(),
  /** INS-YYYY-NNNNN, what verifiers quote. */
  number: z.string(),
  title: z.string(),
  bidang: Bidang.nullable(),
  /** The highest tingkat kerawanan of its reports. */
  kerawanan: Kerawanan,
  /** Earliest and latest occurred_at of its reports. */
  firstAt: z.string(),
  lastAt: z.string(),
  /** The kecamatan of its earliest report. */
  kecamatan: RegionRef.nullable(),
  status: IncidentStatus,
  /** True when any of its reports is rahasia: mark it so wherever it is shown. */
  rahasia: z.boolean(),
  /** Reports in it, all of them (a reader may be allowed to see fewer: see reportIds). */
  reportCount: z.number().int(),
  /** Its reports that this reader may see: the map hides these and shows the incident once instead. */
  reportIds: z.array(z.string()),
  /** Where the map shows it: its most severe report (the latest of equals); null once dissolved. */
  location: Point.nullable(),
  createdAt: z.string(),
  createdBy: Person.nullable(),
  dissolvedAt: z.string().nullable(),
});
export type IncidentView = z.infer<typeof IncidentView>;

/** An incident with its reports (`GET /api/incidents/:id` and the merge answers). */
export const IncidentDetail = z.strictObject({ ...IncidentView.shape, reports: z.array(IncidentMember) });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const DuplicatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(INCIDENT_LIMITS.candidatesMax).default(20),
});

/** A report that may tell of the same event: same bidang, near in place and time, ranked by text. */
export const DuplicateCandidate = z.strictObject({
  id: z.string(),
  number: z.string(),
  perihal: z.string(),
  kerawanan: Kerawanan,
  status: ReportStatus,
  classification: Classification,
  occurredAt: z.string(),
  kecamatan: RegionRef,
  desa: RegionRef.nullable(),
  /** Trigram similarity of perihal and facts, 0 (nothing shared) to 1 (the same text). */
  similarity: z.number(),
  /** Meters between the two points. */
  distanceM: z.number(),
  /** Minutes between the two occurred_at, whichever came first. */
  gapMinutes: z.number(),
  /** The incident the candidate is in already (merge into it, or leave it). */
  incident: z.strictObject({ id: z.string(), number: z.string() }).nullable(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** `incident:changed`: what happened, the incident as it is now, and the reports the change moved. */
export const IncidentChange = z.strictObject({
  kind: z.enum(["created", "merged", "unmerged", "dissolved"]),
  incident: IncidentView,
  reportIds: z.array(z.string()),
});
export type IncidentChange = z.infer<typeof IncidentChange>;

/** Reports of one incident, shown as one item. */
export interface IncidentGroup<R, I> {
  /** Tells a group from a report (whose own fields may include `kind`, `incident`, …). */
  group: "incident";
  incident: I;
  reports: R[];
}

/**
 * The one rule for showing an incident once (the ops map, the wall, the counts — every front end the
 * same): reports that belong to an incident collapse into one group at the place of the first of them in
 * `reports`; the others stay as they are. Counting the result counts an incident once.
 */
export function collapseByIncident<R extends { id: string }, I extends { reportIds: readonly string[] }>(
  reports: readonly R[],
  incidents: readonly I[],
): (R | IncidentGroup<R, I>)[] {
  const incidentOf = new Map<string, I>();
  for (const incident of incidents) for (const id of incident.reportIds) incidentOf.set(id, incident);
  const groups = new Map<I, IncidentGroup<R, I>>();
  const out: (R | IncidentGroup<R, I>)[] = [];
  for (const report of reports) {
    const incident = incidentOf.get(report.id);
    if (!incident) {
      out.push(report);
      continue;
    }
    const group = groups.get(incident);
    if (group) group.reports.push(report);
    else {
      const created: IncidentGroup<R, I> = { group: "incident", incident, reports: [report] };
      groups.set(incident, created);
      out.push(created);
    }
  }
  return out;
}

/** Whether an item of `collapseByIncident` is a group. */
export function isIncidentGroup<R, I>(item: R | IncidentGroup<R, I>): item is IncidentGroup<R, I> {
  return typeof item === "object" && item !== null && (item as { group?: unknown }).group === "incident";
}
