import type { Audience } from "@contract/auth.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { PublicMapPage } from "../public-map/PublicMapPage.tsx";
import { lazyPage, type Page } from "./lazy-page.tsx";
import { matchPath, normalizePath, type PathParams } from "./path-pattern.ts";

/** A view of the dashboard: where it lives, who may open it, its nav label (none: not in the top bar), its page. */
export interface RouteDef {
  /** Express-style: fixed segments and `:name` parameters, which the page gets as `params.name`. */
  path: string;
  label?: MessageKey;
  audiences: readonly Audience[];
  page: Page;
}

const everyone: Audience[] = ["anonymous", "guest", "officer", "verifier", "leader", "admin"];
const signedIn: Audience[] = ["guest", "officer", "verifier", "leader", "admin"];
const staff: Audience[] = ["verifier", "admin", "leader"];

/**
 * Every route of the dashboard, in one table. To add a page: one line here, with its path pattern and
 * `lazyPage(() => import("../area/ThePage.tsx").then((m) => m.ThePage))`, so its code (and whatever
 * only it imports: zod schemas, sockets, its styles) downloads on its first visit. The public map is the
 * exception: it is what `/` draws on a slow link, so it ships in the entry itself. A page reads its
 * parameters from `props.params`; links to it come from `routePath(name, params)` (access.ts).
 */
export const ROUTES = {
  map: { path: "/", label: "nav.map", audiences: everyone, page: PublicMapPage },
  publicReport: {
    path: "/laporan/:id",
    audiences: everyone,
    page: lazyPage(() => import("../public-map/PublicReportPage.tsx").then((m) => m.PublicReportPage)),
  },
  ops: { path: "/ops", label: "nav.ops", audiences: staff, page: lazyPage(() => import("../ops/OpsPage.tsx").then((m) => m.OpsPage)) },
  reportDetail: {
    path: "/ops/reports/:id",
    audiences: staff,
    page: lazyPage(() => import("../report-detail/ReportDetailPage.tsx").then((m) => m.ReportDetailPage)),
  },
  incidents: { path: "/ops/incidents", label: "nav.incidents", audiences: staff, page: lazyPage(() => import("../incidents/IncidentsPage.tsx").then((m) => m.IncidentsPage)) },
  stats: { path: "/stats", label: "nav.stats", audiences: staff, page: lazyPage(() => import("../stats/StatsPage.tsx").then((m) => m.StatsPage)) },
  scorecard: { path: "/ops/scorecard", label: "nav.scorecard", audiences: staff, page: lazyPage(() => import("../scorecard/ScorecardPage.tsx").then((m) => m.ScorecardPage)) },
  incidentDetail: {
    path: "/ops/incidents/:id",
    audiences: staff,
    page: lazyPage(() => import("../incidents/IncidentDetailPage.tsx").then((m) => m.IncidentDetailPage)),
  },
  followUps: { path: "/ops/follow-ups", label: "nav.followUps", audiences: staff, page: lazyPage(() => import("../follow-ups/FollowUpBoardPage.tsx").then((m) => m.FollowUpBoardPage)) },
  alerts: { path: "/ops/alerts", label: "nav.alerts", audiences: staff, page: lazyPage(() => import("../alerts/AlertsPage.tsx").then((m) => m.AlertsPage)) },
  facilities: { path: "/admin/facilities", label: "nav.facilities", audiences: ["admin"], page: lazyPage(() => import("../facilities/FacilitiesPage.tsx").then((m) => m.FacilitiesPage)) },
  agencies: { path: "/admin/agencies", label: "nav.agencies", audiences: ["admin"], page: lazyPage(() => import("../follow-ups/AgenciesPage.tsx").then((m) => m.AgenciesPage)) },
  users: { path: "/users", label: "nav.users", audiences: ["admin"], page: lazyPage(() => import("../users/UsersPage.tsx").then((m) => m.UsersPage)) },
  jobs: { path: "/admin/jobs", label: "nav.jobs", audiences: ["admin"], page: lazyPage(() => import("../jobs/JobsPage.tsx").then((m) => m.JobsPage)) },
  duties: { path: "/admin/duties", label: "nav.duties", audiences: ["admin"], page: lazyPage(() => import("../duties/DutiesPage.tsx").then((m) => m.DutiesPage)) },
  kiosks: { path: "/admin/kiosks", label: "nav.kiosks", audiences: ["admin"], page: lazyPage(() => import("../kiosks/KiosksPage.tsx").then((m) => m.KiosksPage)) },
  audit: { path: "/audit", label: "nav.audit", audiences: ["admin"], page: lazyPage(() => import("../audit/AuditPage.tsx").then((m) => m.AuditPage)) },
  subCategories: {
    path: "/sub-categories",
    label: "nav.subCategories",
    audiences: ["admin"],
    page: lazyPage(() => import("../sub-categories/SubCategoriesPage.tsx").then((m) => m.SubCategoriesPage)),
  },
  monthlySummary: { path: "/ops/monthly-summary", label: "nav.monthlySummary", audiences: staff, page: lazyPage(() => import("../monthly-summary/MonthlySummaryPage.tsx").then((m) => m.MonthlySummaryPage)) },
  profile: { path: "/profile", label: "nav.profile", audiences: signedIn, page: lazyPage(() => import("../auth/ProfilePage.tsx").then((m) => m.ProfilePage)) },
  register: { path: "/daftar", audiences: everyone, page: lazyPage(() => import("../guests/RegisterPage.tsx").then((m) => m.RegisterPage)) },
  news: { path: "/berita", label: "nav.news", audiences: everyone, page: lazyPage(() => import("../news/PublicNewsPage.tsx").then((m) => m.PublicNewsPage)) },
  newsArticle: { path: "/berita/:slug", audiences: everyone, page: lazyPage(() => import("../news/NewsArticlePage.tsx").then((m) => m.NewsArticlePage)) },
  newsAdmin: { path: "/admin/news", label: "nav.newsAdmin", audiences: ["admin"], page: lazyPage(() => import("../news/NewsAdminPage.tsx").then((m) => m.NewsAdminPage)) },
  login: { path: "/login", audiences: everyone, page: lazyPage(() => import("../auth/LoginPage.tsx").then((m) => m.LoginPage)) },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;

/** The route a path opens, with its parameters; the first pattern in the table that fits wins. */
export function routeForPath(path: string): { name: RouteName; params: PathParams } | null {
  const normalized = normalizePath(path);
  for (const [name, route] of Object.entries(ROUTES) as [RouteName, RouteDef][]) {
    const params = matchPath(route.path, normalized);
    if (params) return { name, params };
  }
  return null;
}
