import { z } from "zod";
import { ChangePasswordInput, LoginInput, OwnProfileInput, RegisterGuestInput, SessionUser } from "./auth.ts";
import { PublicConfig } from "./config.ts";
import { dataOf, pageOf } from "./envelope.ts";
import { ReportChange } from "./events.ts";
import { LocateQuery, LocateResult, RegionCollection, RegionsQuery } from "./regions.ts";
import { ChangesQuery, ChangeStatusInput, CreateSubCategoryInput, ReportListQuery, SubmitReportInput, UpdateSubCategoryInput } from "./reports.ts";
import { PhotoParams, PhotoResult, ReportIdParams, ReportView, SubCategoryIdParams, SubCategoryView, SubmitResult } from "./report-view.ts";
import { AdminUserView, AuditEntry, AuditQuery, CreateUserInput, OneTimePasswordResult, UpdateUserInput, UserIdParams, UserListQuery } from "./users.ts";

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
  /** Newest first; `page.seq` is where a live client resumes the change feed. */
  "GET /api/reports": { access: "report.list", query: ReportListQuery, output: pageOf(ReportView), cursor: "before" },
  "GET /api/reports/:id": { access: "report.list", params: ReportIdParams, output: dataOf(ReportView) },
  "POST /api/reports/:id/status": { access: "report.verify", params: ReportIdParams, body: ChangeStatusInput, output: dataOf(ReportView) },
  "PUT /api/reports/:id/photos/:sha256": { access: "report.submit", params: PhotoParams, body: "bytes", output: dataOf(PhotoResult) },
  "GET /api/reports/:id/photos/:sha256": { access: "report.list", params: PhotoParams, output: "file" },
  /** Oldest first after `after`; `page.seq` is the last seq read (or `after` when none). */
  "GET /api/changes": { access: "changes.read", query: ChangesQuery, output: pageOf(ReportChange), cursor: "after" },

  "GET /api/sub-categories": { access: "public", output: pageOf(SubCategoryView) },
  "POST /api/sub-categories": { access: "sub_category.manage", body: CreateSubCategoryInput, output: dataOf(SubCategoryView) },
  "PATCH /api/sub-categories/:id": { access: "sub_category.manage", params: SubCategoryIdParams, body: UpdateSubCategoryInput, output: dataOf(SubCategoryView) },
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
