import { createServer, type Server as HttpServer } from "node:http";
import express, { type Express } from "express";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { publicConfig } from "./config.ts";
import type { Database } from "./core/db.ts";
import { apiNotFound, errorHandler } from "./core/error-handler.ts";
import { categoryLogger } from "./core/logger.ts";
import { frontEndsRouter } from "./core/static.ts";
import { compressAnswers } from "./core/compress-answers.ts";
import { routerFor } from "./core/routes.ts";
import { createIo, type IoServer } from "./core/io.ts";
import { compileTrustProxy } from "./core/trust-proxy.ts";
import { systemClock, type Clock } from "./core/clock.ts";
import { healthRouter } from "./health/health.routes.ts";
import { createRegionsService, type RegionsService } from "./regions/regions.service.ts";
import { regionsRouter } from "./regions/regions.routes.ts";
import { createSessionMiddleware } from "./auth/session.ts";
import { accessGuard, loadSessionUser, publicAccess } from "./auth/auth.middleware.ts";
import { csrfGuard, originAllowed, securityHeaders } from "./auth/request-guards.ts";
import type { LiveSessions } from "./auth/live-sessions.ts";
import { liveSessionsOf, socketAuthenticator } from "./auth/socket-auth.ts";
import { createAuthService } from "./auth/auth.service.ts";
import { authRouter } from "./auth/auth.routes.ts";
import { createAuditService } from "./audit/audit.service.ts";
import { auditRouter } from "./audit/audit.routes.ts";
import { createUsersService } from "./users/users.service.ts";
import { usersRouter } from "./users/users.routes.ts";
import { createReportIntake } from "./reports/intake.ts";
import { createPhotoStore } from "./reports/photo-store.ts";
import { createReportsService } from "./reports/reports.service.ts";
import { createStatusService } from "./reports/status.service.ts";
import { reportsRouter } from "./reports/reports.routes.ts";
import { createQueueService } from "./reports/queue.service.ts";
import { createHistoryService } from "./reports/history.service.ts";
import { createAmendmentsService } from "./reports/amendments.service.ts";
import { reportHistoryRouter } from "./reports/history.routes.ts";
import { createBulkService } from "./reports/bulk.service.ts";
import { bulkRouter } from "./reports/bulk.routes.ts";
import { createClaimsService } from "./claims/claims.service.ts";
import { claimsRouter } from "./claims/claims.routes.ts";
import { registerReportEvents } from "./reports/reports.socket.ts";
import { createChangesService } from "./changes/changes.service.ts";
import { getReportRowsByIds } from "./reports/reports.read.repo.ts";
import { presentReport } from "./reports/reports.present.ts";
import { changesRouter } from "./changes/changes.routes.ts";
import { createSubCategoriesService } from "./sub-categories/sub-categories.service.ts";
import { subCategoriesRouter } from "./sub-categories/sub-categories.routes.ts";
import { createIncidentsService } from "./incidents/incidents.service.ts";
import { incidentsRouter } from "./incidents/incidents.routes.ts";
import { createAgenciesService } from "./follow-ups/agencies.service.ts";
import { createFollowUpsService } from "./follow-ups/follow-ups.service.ts";
import { followUpsRouter } from "./follow-ups/follow-ups.routes.ts";
import { createRollupsService } from "./rollups/rollups.service.ts";
import { createStatsService } from "./rollups/stats.service.ts";
import { statsRouter } from "./rollups/stats.routes.ts";
import { createDutiesService } from "./duties/duties.service.ts";
import { createDutyCalendarService } from "./duties/duty-calendar.service.ts";
import { createScorecardService } from "./duties/scorecard.service.ts";
import { sendDutyReminder } from "./duties/duties.socket.ts";
import { dutiesRouter } from "./duties/duties.routes.ts";
import { createPeriodicDraftsService } from "./periodic-drafts/periodic-drafts.service.ts";
import { periodicDraftsRouter } from "./periodic-drafts/periodic-drafts.routes.ts";
import { createKabupatenSummaryService } from "./kabupaten-summary/kabupaten-summary.service.ts";
import { kabupatenSummaryRouter } from "./kabupaten-summary/kabupaten-summary.routes.ts";
import { createJobsService } from "./jobs/jobs.service.ts";
import { scheduledJobs } from "./jobs/catalog.ts";
import { announceJobRun } from "./jobs/jobs.socket.ts";
import { jobsRouter } from "./jobs/jobs.routes.ts";
import { createAlertsService } from "./alerts/alerts.service.ts";
import { alertsRouter } from "./alerts/alerts.routes.ts";
import { createKioskService, kioskBearer, kioskDisconnector, kioskRouter, kioskSocketLogin, startKioskRecheck } from "./kiosk/index.ts";
import { createWallService, wallRouter } from "./wall/index.ts";
import { createPublicPhotos } from "./publishing/public-photos.ts";
import { createPublishingService } from "./publishing/publishing.service.ts";
import { createPublicReportsService } from "./publishing/public-reports.service.ts";
import { publishingRouter } from "./publishing/publishing.routes.ts";
import { publicReportsRouter } from "./publishing/public-reports.routes.ts";
import { createNotifications, notificationsRouter } from "./notifications/index.ts";
import { createNewsCovers } from "./news/news-covers.ts";
import { createNewsService } from "./news/news.service.ts";
import { newsRouter } from "./news/news.routes.ts";
import { publicNewsRouter } from "./news/public-news.routes.ts";
import { createFacilitiesService } from "./facilities/facilities.service.ts";
import { createFacilityPhotos } from "./facilities/facility-photos.ts";
import { facilitiesRouter, publicFacilitiesRouter } from "./facilities/facilities.routes.ts";
import { createPublicMapService } from "./publishing/public-map.service.ts";
import { housekeepingOf } from "./housekeeping/housekeeping.service.ts";

export interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
  /** Where leases and deadlines read the time; tests inject a manual clock. Default: the system clock. */
  clock?: Clock;
  /** The built front ends (dist/ by default); tests serve a small one of their own. */
  distDir?: string;
}

export interface App {
  app: Express;
  http: HttpServer;
  io: IoServer;
  services: ReturnType<typeof createServices>;
  /** Release what createApp opened (session store pool); the database belongs to the caller. */
  close(): Promise<void>;
}

function createServices(deps: AppDeps, io: IoServer, live: LiveSessions, regions: RegionsService) {
  const sequelize = deps.db.sequelize;
  const clock = deps.clock ?? systemClock;
  const audit = createAuditService(sequelize);
  const subCategories = createSubCategoriesService(sequelize);
  const claims = createClaimsService({ db: sequelize, io, clock, audit, leaseMinutes: deps.config.CLAIM_LEASE_MINUTES });
  // Notifications follow decisions, publications and intake after their commits, through hooks.
  const { notifications, push } = createNotifications({ db: sequelize, io, clock, log: deps.log, config: deps.config });
  const reportStatus = createStatusService({ db: sequelize, io, audit, claims: claims.decisions, onDecided: notifications.onDecided });
  const followUps = createFollowUpsService({ db: sequelize, io, audit, clock });
  const rollups = createRollupsService(sequelize);
  const duties = createDutiesService({ db: sequelize, clock, remind: sendDutyReminder(io) });
  const photoStore = createPhotoStore(deps.config.DATA_DIR, { onCrash: photoDecoderCrashed(deps.log) });
  // Published photos are re-encoded from the store's own derivatives (never from the originals).
  const publicPhotos = createPublicPhotos(deps.config.DATA_DIR, photoStore.derivativePath);
  return {
    clock,
    audit,
    regions,
    subCategories,
    intake: createReportIntake({ db: sequelize, regions, subCategories, io, log: categoryLogger(deps.log, "reports"), onCreated: notifications.onCreated }),
    reports: createReportsService(sequelize, photoStore, io, clock),
    reportQueue: createQueueService(sequelize),
    reportHistory: createHistoryService(sequelize),
    amendments: createAmendmentsService(sequelize, io, audit),
    claims,
    reportStatus,
    bulk: createBulkService({ status: reportStatus, assign: followUps.assign, log: categoryLogger(deps.log, "reports") }),
    changes: createChangesService(sequelize, async (ids) => {
      const rows = await getReportRowsByIds(sequelize, ids);
      return new Map(rows.map((r) => [r.id, presentReport(r)]));
    }),
    auth: createAuthService(sequelize, audit, {
      maxFailures: deps.config.LOGIN_MAX_FAILURES,
      maxFailuresPerIpDay: deps.config.LOGIN_MAX_FAILURES_PER_IP_DAY,
      registrationsPerIpHour: deps.config.REGISTRATIONS_PER_IP_HOUR,
    }),
    users: createUsersService(sequelize, audit, live),
    incidents: createIncidentsService({
      db: sequelize,
      io,
      audit,
      clock,
      log: categoryLogger(deps.log, "socket"),
      duplicates: { radiusM: deps.config.DUPLICATE_RADIUS_M, windowHours: deps.config.DUPLICATE_WINDOW_HOURS },
    }),
    agencies: createAgenciesService(sequelize, audit, clock),
    followUps,
    rollups,
    stats: createStatsService({ db: sequelize, clock, kecamatanCodes: regions.kecamatanCodes }),
    duties,
    dutyCalendar: createDutyCalendarService({ db: sequelize, clock, duties, audit }),
    scorecard: createScorecardService({ db: sequelize, clock, duties }),
    periodicDrafts: createPeriodicDraftsService({ db: sequelize }),
    kabupatenSummary: createKabupatenSummaryService({ db: sequelize, kecamatanList: regions.kecamatanList }),
    publishing: createPublishingService({ db: sequelize, io, audit, claims: claims.decisions, photos: publicPhotos, onPublished: notifications.onPublished, onUnpublished: notifications.onUnpublished }),
    notifications,
    push,
    publicReports: createPublicReportsService(sequelize, publicPhotos),
    news: createNewsService({ db: sequelize, audit, clock, covers: createNewsCovers(deps.config.DATA_DIR) }),
    publicMap: createPublicMapService(sequelize, regions.kecamatanList),
    facilities: createFacilitiesService({ db: sequelize, regions, audit, photos: createFacilityPhotos(deps.config.DATA_DIR) }),
    /** Early warning; main.ts starts the watch that runs the rules (tests run them when they mean to). */
    /** Wall screens' read-only tokens (issue 16). */
    kiosks: createKioskService({ db: sequelize, audit, clock, disconnect: kioskDisconnector(io) }),
    alerts: createAlertsService({
      db: sequelize,
      io,
      clock,
      audit,
      log: categoryLogger(deps.log, "alerts"),
      kecamatanNama: async () => new Map((await regions.kecamatanList()).map((k) => [k.kode, k.nama])),
    }),
    /** Scheduled jobs; main.ts starts them (tests start them when they mean to). */
    jobs: createJobsService({
      db: sequelize,
      clock,
      log: categoryLogger(deps.log, "job"),
      jobs: scheduledJobs({ rollups, duties, housekeeping: housekeepingOf(sequelize, deps.config) }),
      announce: announceJobRun(io),
      staleMinutes: deps.config.JOB_STALE_MINUTES,
      audit,
    }),
  };
}

/** A decoder process that died mid-photo (out of memory, a fault in a codec) is worth an operator's look. */
function photoDecoderCrashed(log: Logger) {
  const reportsLog = categoryLogger(log, "reports");
  return (info: { exitCode: number | null; signal: string | null; photosLost: number }) =>
    reportsLog.error(info, "photo decoder process died; its photos were refused with 503");
}

/** Build the HTTP app and the socket hub on one server. Never listens, so tests can build it freely. */
export function createApp(deps: AppDeps): App {
  const { config, db, log } = deps;
  const sequelize = db.sequelize;
  const app = express();
  const http = createServer(app);
  const absoluteSessionMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  const session = createSessionMiddleware(config, sequelize);
  // One trust decision for every X-Forwarded-* reader: Express (req.ip, req.secure) and the origin checks.
  const trustProxy = compileTrustProxy(config.TRUST_PROXY);
  // Regions are fixed data: the kecamatan list is read from the database once, when first needed.
  const regions = createRegionsService(sequelize);
  const io = createIo(http, {
    log: categoryLogger(log, "socket"),
    allowRequest: (req) => originAllowed(req, config.ALLOWED_ORIGINS, trustProxy),
    handshakeMiddleware: session.middleware,
    // `kiosk` runs at a handshake, by when `services` below exists.
    authenticate: socketAuthenticator({ db: sequelize, absoluteSessionMs, kecamatanCodes: regions.kecamatanCodes, kiosk: (token) => kioskSocketLogin(services.kiosks, token) }),
    eventsPerSecond: config.SOCKET_EVENTS_PER_SECOND,
    maxSocketsPerUser: config.SOCKET_MAX_PER_USER,
  });
  const live = liveSessionsOf(io);
  const services = createServices(deps, io, live, regions);
  startKioskRecheck(io, services.kiosks, categoryLogger(log, "socket"));
  const wall = createWallService({ db: sequelize, ...services, lastSeq: services.changes.lastSeq, levels: services.alerts.levels, distDir: deps.distDir });
  registerReportEvents(io, services.intake, categoryLogger(log, "reports"));

  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(securityHeaders(config.TILE_URL));
  app.use(healthRouter(sequelize, categoryLogger(log, "db")));
  // API answers over 1 KB in brotli or gzip; the front ends' files are precompressed at build (core/static.ts).
  app.use("/api", compressAnswers());
  // Boundaries and locate are public reads the maps and the phone make often: no session is looked up or
  // minted for them (express-session would make a fresh one, random id and all, per cookieless request).
  // A kiosk token (Authorization: Bearer) is checked before any /api route, public ones included.
  app.use("/api", kioskBearer(services.kiosks.authenticate));
  app.use(regionsRouter(services.regions));
  app.use(publicNewsRouter(services.news));
  app.use(publicFacilitiesRouter(services.facilities));
  app.use(publicReportsRouter(services.publicReports, services.publicMap));
  // Reports may carry many long free-text fields (10,000 characters each), a facility import up to 5,000
  // rows of CSV; everything else stays small.
  const jsonSmall = express.json({ limit: "256kb" });
  const jsonReports = express.json({ limit: "1mb" });
  app.use("/api", (req, res, next) => (req.path === "/reports" || req.path === "/facilities/import" ? jsonReports : jsonSmall)(req, res, next), csrfGuard(config.ALLOWED_ORIGINS, trustProxy));
  app.use("/api", session.middleware, loadSessionUser(sequelize, absoluteSessionMs));

  app.use(routerFor({ "GET /api/config": () => ({ data: publicConfig(config) }) }, accessGuard));
  app.use(authRouter({ auth: services.auth, users: services.users, audit: services.audit, live }));
  app.use(usersRouter(services.users));
  app.use(auditRouter(sequelize, accessGuard));
  app.use(reportsRouter(services.intake, services.reports, services.reportStatus, services.changes, services.reportQueue, services.claims.liveOn));
  app.use(reportHistoryRouter(services.reportHistory, services.amendments));
  app.use(claimsRouter(services.claims));
  app.use(bulkRouter(services.bulk));
  app.use(changesRouter(services.changes));
  app.use(subCategoriesRouter(services.subCategories));
  app.use(incidentsRouter(services.incidents));
  app.use(followUpsRouter(services.agencies, services.followUps));
  app.use(jobsRouter(services.jobs));
  app.use(alertsRouter(services.alerts));
  app.use(statsRouter(services.stats));
  app.use(dutiesRouter(services.duties, services.dutyCalendar, services.scorecard));
  app.use(periodicDraftsRouter(services.periodicDrafts));
  app.use(kabupatenSummaryRouter(services.kabupatenSummary));
  app.use(publishingRouter(services.publishing));
  app.use(wallRouter(wall));
  app.use(kioskRouter(services.kiosks));
  app.use(newsRouter(services.news));
  app.use(facilitiesRouter(services.facilities));
  app.use(notificationsRouter(services.notifications, services.push));
  app.use("/api", apiNotFound);
  app.use(frontEndsRouter(publicAccess(), deps.distDir));
  app.use(errorHandler(categoryLogger(log, "http")));

  return { app, http, io, services, close: session.close };
}
