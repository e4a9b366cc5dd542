import { z } from "zod";
import { ChangePasswordInput, DeleteOwnAccountInput, LoginInput, OwnProfileInput, RegisterGuestInput, SessionUser } from "./auth.ts";
import { PublicConfig } from "./config.ts";
import { dataOf, pageOf } from "./envelope.ts";
import { ReportChange } from "./events.ts";
import { LocateQuery, LocateResult, RegionCollection, RegionsQuery } from "./regions.ts";
import { ChangesQuery, ChangeStatusInput, CreateSubCategoryInput, SubmitReportInput, UpdateSubCategoryInput } from "./reports.ts";
import { ReportCounts, ReportCountsQuery, ReportListQuery } from "./report-queue.ts";
import { ReportDetail, ReportHistoryEntry, RevisionDiff, RevisionDiffQuery, RevisionParams, RevisionSummary, RevisionView, ReviewAmendmentInput } from "./report-detail.ts";
import { PhotoParams, PhotoResult, ReportIdParams, ReportView, SubCategoryIdParams, SubCategoryView, SubmitResult } from "./report-view.ts";
import { AdminUserView, AuditEntry, AuditQuery, CreateUserInput, OneTimePasswordResult, UpdateUserInput, UserIdParams, UserListQuery } from "./users.ts";
import { AddIncidentReportsInput, CreateIncidentInput, DuplicateCandidate, DuplicatesQuery, IncidentDetail, IncidentIdParams, IncidentListQuery, IncidentReportParams, IncidentView } from "./incidents.ts";
import {
  AgencyIdParams,
  AgencyListQuery,
  AgencyView,
  CloseFollowUpInput,
  CreateAgencyInput,
  CreateFollowUpInput,
  FollowUpBoard,
  FollowUpIdParams,
  FollowUpListQuery,
  FollowUpResponseInput,
  FollowUpView,
  UpdateAgencyInput,
} from "./follow-ups.ts";
import { BulkInput, BulkResult, ClaimView, QueueClaim } from "./claims.ts";
import { AcknowledgeAlertInput, AlertIdParams, AlertListQuery, AlertRuleSettings, AlertView, CloseAlertInput, KecamatanAlertLevel } from "./alerts.ts";
import { JobNameParams, JobRunsQuery, JobRunStarted, JobRunView, JobView, RunJobInput } from "./jobs.ts";
import { StatsSummary, StatsSummaryQuery, StatsTrend, StatsTrendQuery } from "./rollups.ts";
import {
  DutySettings,
  Holiday,
  HolidayInput,
  HolidayParams,
  HolidaysQuery,
  LeaveInput,
  LeaveParams,
  LeaveQuery,
  LeaveView,
  MyDuties,
  OfficerDutyInput,
  OfficerDutyParams,
  OfficerDutyView,
  Scorecard,
  ScorecardDrilldown,
  ScorecardQuery,
  ScorecardReportsQuery,
} from "./duties.ts";
import { PeriodicDraft, PeriodicDraftQuery } from "./periodic-drafts.ts";
import { FACILITY_ROUTES } from "./facility-routes.ts";
import { KabupatenSummary, KabupatenSummaryQuery } from "./kabupaten-summary.ts";
import { NEWS_ROUTES } from "./news-routes.ts";
import { WALL_ROUTES } from "./wall-routes.ts";
import { NOTIFICATION_ROUTES } from "./notification-routes.ts";
import { PublicationResult, PublicDraft, PublicMap, PublicMapQuery, PublicPhotoParams, PublicReport, PublicReportParams, PublicReportsQuery, PublishInput, UnpublishInput } from "./public-reports.ts";

/**
 * Every HTTP route of the server, as data: the key is `METHOD /path` (Express path syntax), the entry says
 * who may call it and what goes in and comes out. The server registers its routes from this table
 * (server/core/routes.ts), the clients type their calls with it (route-request.ts), a test checks every
 * answer against `output`, and the OpenAPI document will be generated from it.
 */
export interface RouteSpec {
  /** `public` (anyone, anonymous included) or a permission of server/auth/permissions.ts. */
  access: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body schema, or `bytes` for a raw upload (a photo). */
  body?: z.ZodType | "bytes";
  /** The 2xx body; `empty` answers 204 with none, `file` a file (not JSON). */
  output: z.ZodType | "empty" | "file";
  /** The query parameter a list's `page.next` goes back in. */
  cursor?: string;
}

/** Probes answer for orchestrators (status codes first), so they keep their bare `{ status }`. */
export const ProbeStatus = z.strictObject({ status: z.string() });

export const API_ROUTES = {
  "GET /healthz": { access: "public", output: ProbeStatus },
  "GET /readyz": { access: "public", output: ProbeStatus },
  "GET /api/config": { access: "public", output: dataOf(PublicConfig) },
  "GET /api/regions": { access: "public", query: RegionsQuery, output: dataOf(RegionCollection) },
  "GET /api/regions/locate": { access: "public", query: LocateQuery, output: dataOf(LocateResult) },

  "POST /api/auth/login": { access: "public", body: LoginInput, output: dataOf(SessionUser) },
  "POST /api/auth/logout": { access: "public", output: "empty" },
  "POST /api/auth/register": { access: "public", body: RegisterGuestInput, output: dataOf(SessionUser) },
  "GET /api/auth/me": { access: "account.self", output: dataOf(SessionUser) },
  /** A guest closes their own account (password confirmed); 403 for accounts the agency issued. */
  "DELETE /api/auth/me": { access: "account.self", body: DeleteOwnAccountInput, output: "empty" },
  /** The session probe of a page open to everyone: the signed-in user, or null (200 either way, no 401 to log). */
  "GET /api/auth/session": { access: "public", output: dataOf(SessionUser.nullable()) },
  "PATCH /api/auth/me": { access: "account.self", body: OwnProfileInput, output: dataOf(SessionUser) },
  "POST /api/auth/password": { access: "account.self", body: ChangePasswordInput, output: dataOf(SessionUser) },

  "GET /api/users": { access: "user.manage", query: UserListQuery, output: pageOf(AdminUserView), cursor: "offset" },
  "POST /api/users": { access: "user.manage", body: CreateUserInput, output: dataOf(OneTimePasswordResult) },
  "GET /api/users/:id": { access: "user.manage", params: UserIdParams, output: dataOf(AdminUserView) },
  "PATCH /api/users/:id": { access: "user.manage", params: UserIdParams, body: UpdateUserInput, output: dataOf(AdminUserView) },
  "POST /api/users/:id/reset-password": { access: "user.manage", params: UserIdParams, output: dataOf(OneTimePasswordResult) },
  "GET /api/audit": { access: "audit.read", query: AuditQuery, output: pageOf(AuditEntry), cursor: "before" },

  /** 201 for a new report, 200 for a repeat of its client_id (`duplicate: true`). */
  "POST /api/reports": { access: "report.submit", body: SubmitReportInput, output: dataOf(SubmitResult) },
  /**
   * The queue: newest first, filtered (report-queue.ts), in keyset pages (`page.next` back as `before`);
   * `page.seq` is where a live client resumes the change feed.
   */
  "GET /api/reports": { access: "report.list", query: ReportListQuery, output: pageOf(ReportView).extend({ claims: z.array(QueueClaim) }), cursor: "before" },
  /** How many reports the same filter holds, per status and amended. */
  "GET /api/reports/counts": { access: "report.list", query: ReportCountsQuery, output: dataOf(ReportCounts) },
  /** The whole report (a superset of ReportView). */
  "GET /api/reports/:id": { access: "report.list", params: ReportIdParams, output: dataOf(ReportDetail) },
  // The report's past for the verification desk (issue 13): events, revisions as submitted, their diff.
  /** Every event, oldest first. */
  "GET /api/reports/:id/history": { access: "report.read.region", params: ReportIdParams, output: pageOf(ReportHistoryEntry) },
  "GET /api/reports/:id/revisions": { access: "report.read.region", params: ReportIdParams, output: pageOf(RevisionSummary) },
  "GET /api/reports/:id/revisions/:n": { access: "report.read.region", params: RevisionParams, output: dataOf(RevisionView) },
  /** Field by field, from revision `from` to revision `to`. */
  "GET /api/reports/:id/diff": { access: "report.read.region", params: ReportIdParams, query: RevisionDiffQuery, output: dataOf(RevisionDiff) },
  /** A verifier has seen the amendment of a verified report: the flag goes (409 when there is none, or stale). */
  "POST /api/reports/:id/review-amendment": { access: "report.verify", params: ReportIdParams, body: ReviewAmendmentInput, output: dataOf(ReportView) },
  "POST /api/reports/:id/status": { access: "report.verify", params: ReportIdParams, body: ChangeStatusInput, output: dataOf(ReportView) },
  "PUT /api/reports/:id/photos/:sha256": { access: "report.submit", params: PhotoParams, body: "bytes", output: dataOf(PhotoResult) },
  "GET /api/reports/:id/photos/:sha256": { access: "report.list", params: PhotoParams, output: "file" },
  // Claims and bulk triage (issue 13): a lease while deciding; many decisions, each checked on its own.
  /** Take or renew the caller's lease; 409 naming the holder (claims.ts CLAIM_CONFLICT_FIELDS) while another's is live. */
  "POST /api/reports/:id/claim": { access: "report.claim", params: ReportIdParams, output: dataOf(ClaimView) },
  /** Release the caller's lease; an admin's call breaks another's (its holder is told live). */
  "DELETE /api/reports/:id/claim": { access: "report.claim", params: ReportIdParams, output: "empty" },
  /** One result per item, in order; each item applied in its own transaction and audited on its own. */
  "POST /api/reports/bulk": { access: "report.verify", body: BulkInput, output: dataOf(BulkResult) },
  /** Oldest first after `after`; `page.seq` is the last seq read (or `after` when none). */
  "GET /api/changes": { access: "changes.read", query: ChangesQuery, output: pageOf(ReportChange), cursor: "after" },

  "GET /api/sub-categories": { access: "public", output: pageOf(SubCategoryView) },
  "POST /api/sub-categories": { access: "sub_category.manage", body: CreateSubCategoryInput, output: dataOf(SubCategoryView) },
  "PATCH /api/sub-categories/:id": { access: "sub_category.manage", params: SubCategoryIdParams, body: UpdateSubCategoryInput, output: dataOf(SubCategoryView) },

  // Duplicates and incidents (issue 13, incidents.ts): a report's possible duplicates, merged into incidents.
  /** Most alike first: same bidang, within DUPLICATE_RADIUS_M and DUPLICATE_WINDOW_HOURS; empty for periodic reports. */
  "GET /api/reports/:id/duplicates": { access: "report.read.region", params: ReportIdParams, query: DuplicatesQuery, output: pageOf(DuplicateCandidate) },
  /** Newest activity first, in offset pages (`page.next` back as `offset`). */
  "GET /api/incidents": { access: "report.read.region", query: IncidentListQuery, output: pageOf(IncidentView), cursor: "offset" },
  "GET /api/incidents/:id": { access: "report.read.region", params: IncidentIdParams, output: dataOf(IncidentDetail) },
  /** Merge reports into a new incident (201); 409 naming the incident a report is in already. */
  "POST /api/incidents": { access: "incident.manage", body: CreateIncidentInput, output: dataOf(IncidentDetail) },
  "POST /api/incidents/:id/reports": { access: "incident.manage", params: IncidentIdParams, body: AddIncidentReportsInput, output: dataOf(IncidentDetail) },
  /** Take a report out; an incident left with fewer than two reports dissolves (answered with status `dissolved`). */
  "DELETE /api/incidents/:id/reports/:reportId": { access: "incident.manage", params: IncidentReportParams, output: dataOf(IncidentDetail) },

  // Follow-up with partner agencies (issue 13, follow-ups.ts). Officers and guests never see assignments.
  "GET /api/agencies": { access: "followup.read", query: AgencyListQuery, output: pageOf(AgencyView), cursor: "offset" },
  "POST /api/agencies": { access: "agency.manage", body: CreateAgencyInput, output: dataOf(AgencyView) },
  "PATCH /api/agencies/:id": { access: "agency.manage", params: AgencyIdParams, body: UpdateAgencyInput, output: dataOf(AgencyView) },
  /** Soonest deadline first; `overdue` is computed as of the answer. */
  "GET /api/follow-ups": { access: "followup.read", query: FollowUpListQuery, output: pageOf(FollowUpView), cursor: "offset" },
  /** Per agency: open, overdue, responded, closed, mean hours to respond. */
  "GET /api/follow-ups/board": { access: "followup.read", output: dataOf(FollowUpBoard) },
  /** One assignment per agency (201), all or none. */
  "POST /api/follow-ups": { access: "followup.manage", body: CreateFollowUpInput, output: pageOf(FollowUpView) },
  "POST /api/follow-ups/:id/response": { access: "followup.manage", params: FollowUpIdParams, body: FollowUpResponseInput, output: dataOf(FollowUpView) },
  "POST /api/follow-ups/:id/close": { access: "followup.manage", params: FollowUpIdParams, body: CloseFollowUpInput, output: dataOf(FollowUpView) },
  /** The report's assignments and those of its incident. */
  "GET /api/reports/:id/follow-ups": { access: "followup.read", params: ReportIdParams, output: pageOf(FollowUpView) },

  // Scheduled jobs, statistics and reporting duties (issue 15: jobs.ts, rollups.ts, duties.ts).
  /** Every job with its schedule, next run and latest attempt. */
  "GET /api/jobs": { access: "job.read", output: dataOf(z.array(JobView)) },
  /** Attempts, newest first. */
  "GET /api/jobs/runs": { access: "job.read", query: JobRunsQuery, output: pageOf(JobRunView) },
  /** 202 at once with the run's id; it goes on in the background (runs list, socket `job:progress`); 409 while the job runs. */
  "POST /api/jobs/:name/run": { access: "job.run", params: JobNameParams, body: RunJobInput, output: dataOf(JobRunStarted) },
  /** Counts per period (uPlot-ready arrays), split by one dimension, with time-to-verify. */
  "GET /api/stats/trend": { access: "stats.read", query: StatsTrendQuery, output: dataOf(StatsTrend) },
  /** Totals over the range per kecamatan × bidang: the table beneath a chart. */
  "GET /api/stats/summary": { access: "stats.read", query: StatsSummaryQuery, output: dataOf(StatsSummary) },
  /** The officer's own duties of the last weeks, judged now (others get an empty list), and the deadlines. */
  "GET /api/duties/mine": { access: "duty.read", output: dataOf(MyDuties) },
  "GET /api/duties/settings": { access: "duty.read", output: dataOf(DutySettings) },
  "PUT /api/duties/settings": { access: "duty.manage", body: DutySettings, output: dataOf(DutySettings) },
  /** The day an officer's duties begin (null: the day their account was made). */
  "PUT /api/duties/officers/:officerId": { access: "duty.manage", params: OfficerDutyParams, body: OfficerDutyInput, output: dataOf(OfficerDutyView) },
  "GET /api/duties/scorecard": { access: "duty.read", query: ScorecardQuery, output: dataOf(Scorecard) },
  "GET /api/duties/scorecard/:officerId/reports": { access: "duty.read", params: OfficerDutyParams, query: ScorecardReportsQuery, output: dataOf(ScorecardDrilldown) },
  "GET /api/holidays": { access: "duty.read", query: HolidaysQuery, output: pageOf(Holiday) },
  /** Add or rename the holiday of a day. */
  "POST /api/holidays": { access: "duty.manage", body: HolidayInput, output: dataOf(Holiday) },
  "DELETE /api/holidays/:day": { access: "duty.manage", params: HolidayParams, output: "empty" },
  "GET /api/leave": { access: "duty.read", query: LeaveQuery, output: pageOf(LeaveView) },
  /** 201 with the leave. */
  "POST /api/leave": { access: "duty.manage", body: LeaveInput, output: dataOf(LeaveView) },
  "DELETE /api/leave/:id": { access: "duty.manage", params: LeaveParams, output: "empty" },
  /** Tiered reports (periodic-drafts.ts): an officer's weekly or monthly report drafted from their own reports of the period. */
  "GET /api/periodic/draft": { access: "report.submit", query: PeriodicDraftQuery, output: dataOf(PeriodicDraft) },
  /** The kabupaten monthly situation summary compiled from the kecamatan monthly reports (kabupaten-summary.ts). */
  "GET /api/periodic/kabupaten-summary": { access: "summary.read", query: KabupatenSummaryQuery, output: dataOf(KabupatenSummary) },

  // Publishing (issue 14, public-reports.ts): verifiers and admins publish a verified report's public shape; anyone reads it.
  /** The server's draft of the public shape, the places and photos to choose from, and what is public now. */
  "GET /api/reports/:id/public-draft": { access: "report.publish", params: ReportIdParams, output: dataOf(PublicDraft) },
  /** `verified → published`; 409 with the reason for a rahasia, unverified or periodic report, a stale version, another's claim. */
  "POST /api/reports/:id/publish": { access: "report.publish", params: ReportIdParams, body: PublishInput, output: dataOf(PublicationResult) },
  /** `published → verified`, with a note saying why. */
  "POST /api/reports/:id/unpublish": { access: "report.publish", params: ReportIdParams, body: UnpublishInput, output: dataOf(PublicationResult) },
  /** Current publications, latest day first, in keyset pages; only the documented filters (any other key is a 400). */
  "GET /api/public/reports": { access: "public", query: PublicReportsQuery, output: pageOf(PublicReport), cursor: "cursor" },
  /** The public map: matching publications as points, and counted per kecamatan. */
  "GET /api/public/map": { access: "public", query: PublicMapQuery, output: dataOf(PublicMap) },
  /** 404 unless published now. */
  "GET /api/public/reports/:id": { access: "public", params: PublicReportParams, output: dataOf(PublicReport) },
  /** A published photo's derivative (WebP, no metadata); 404 once its publication is withdrawn. */
  "GET /api/public/photos/:id": { access: "public", params: PublicPhotoParams, output: "file" },

  // Early warning (issue 16, alerts.ts): alerts from the rules, leaders acknowledge, admins tune the rules.
  /** Live alerts by default (open and acknowledged), newest opened first, paged; verifiers see their region's. */
  "GET /api/alerts": { access: "alert.read", query: AlertListQuery, output: pageOf(AlertView), cursor: "cursor" },
  /** Each kecamatan's alert level (normal / waspada / siaga / awas) from its live alerts. */
  "GET /api/alerts/levels": { access: "alert.read", output: dataOf(z.array(KecamatanAlertLevel)) },
  "GET /api/alerts/rules": { access: "alert.manage", output: dataOf(AlertRuleSettings) },
  "PUT /api/alerts/rules": { access: "alert.manage", body: AlertRuleSettings, output: dataOf(AlertRuleSettings) },
  /** Run every rule now (they also run after each report change and every 5 minutes); how many alerts changed. */
  "POST /api/alerts/evaluate": { access: "alert.manage", output: dataOf(z.strictObject({ changed: z.number().int() })) },
  "GET /api/alerts/:id": { access: "alert.read", params: AlertIdParams, output: dataOf(AlertView) },
  /** 409 when acknowledged or closed already. */
  "POST /api/alerts/:id/acknowledge": { access: "alert.acknowledge", params: AlertIdParams, body: AcknowledgeAlertInput, output: dataOf(AlertView) },
  "POST /api/alerts/:id/close": { access: "alert.acknowledge", params: AlertIdParams, body: CloseAlertInput, output: dataOf(AlertView) },

  // News (berita, issue 14): its table is in news-routes.ts.
  ...NEWS_ROUTES,
  // Notifications and Web Push (issue 14): notification-routes.ts.
  ...NOTIFICATION_ROUTES,
  // The command-center wall and its kiosk tokens (issue 16): wall-routes.ts.
  ...WALL_ROUTES,
  // Facilities (fasilitas, issue 14): facility-routes.ts.
  ...FACILITY_ROUTES,
} as const satisfies Record<string, RouteSpec>;

export type ApiRoutes = typeof API_ROUTES;
export type RouteKey = keyof ApiRoutes;

type Schema<R, F extends "params" | "query" | "body"> = R extends Record<F, infer S extends z.ZodType> ? S : never;
type Part<R, F extends "params" | "query" | "body", Optional extends boolean> = [Schema<R, F>] extends [never]
  ? { [P in F]?: never }
  : Optional extends true
    ? { [P in F]?: z.input<Schema<R, F>> }
    : { [P in F]: z.input<Schema<R, F>> };

/** What a client sends: path params, query (every query parameter has a default or is optional), body. */
export type RouteInput<K extends RouteKey> = Part<ApiRoutes[K], "params", false> & Part<ApiRoutes[K], "query", true> & Part<ApiRoutes[K], "body", false>;

/** What a client gets back on success: the parsed JSON body, nothing for `empty`. */
export type RouteOutput<K extends RouteKey> = ApiRoutes[K]["output"] extends infer O extends z.ZodType ? z.output<O> : undefined;

/** Routes that answer JSON (or nothing): the ones a client `call`s. Files and byte uploads go their own way. */
export type CallableRoute = {
  [K in RouteKey]: ApiRoutes[K]["output"] extends "file" ? never : ApiRoutes[K] extends { body: "bytes" } ? never : K;
}[RouteKey];
