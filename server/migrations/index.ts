import type { Sequelize } from "sequelize";
import { postgisExtension } from "./0001-postgis.ts";
import { regionsTable } from "./0002-regions.ts";
import { accountsTables } from "./0003-accounts.ts";
import { reportsTables } from "./0004-reports.ts";
import { subCategoriesTable } from "./0005-sub-categories.ts";
import { revisionsComparePayloads } from "./0006-revisions-compare-payloads.ts";
import { reportStatusNote } from "./0007-report-status-note.ts";
import { reportEventDetails } from "./0008-report-event-details.ts";
import { reportClaims } from "./0009-report-claims.ts";
import { incidentsTables } from "./0010-incidents.ts";
import { followUpsTables } from "./0011-follow-ups.ts";
import { reportQueue } from "./0012-report-queue.ts";
import { jobsTables } from "./0013-jobs.ts";
import { rollupsTables } from "./0014-rollups.ts";
import { dutiesTables } from "./0015-duties.ts";
import { zeroPad } from "./0016-zero-pad.ts";
import { firstVerifiedAt } from "./0017-first-verified-at.ts";
import { publishedReports } from "./0018-published-reports.ts";
import { alertsTables } from "./0019-alerts.ts";
import { notificationsTables } from "./0020-notifications.ts";
import { newsTable } from "./0021-news.ts";
import { facilitiesTable } from "./0022-facilities.ts";
import { wallKiosks } from "./0023-wall-kiosks.ts";
import { notificationRetention } from "./0024-notification-retention.ts";
import { wallTickerIndex } from "./0025-wall-ticker-index.ts";
import { notificationParams } from "./0026-notification-params.ts";
import { newsRenderVersion } from "./0027-news-render-version.ts";
import { pushLang } from "./0028-push-lang.ts";

export interface MigrationContext {
  sequelize: Sequelize;
}

export interface Migration {
  name: string;
  up(ctx: MigrationContext): Promise<void>;
  down(ctx: MigrationContext): Promise<void>;
}

/** Every migration, in the order it runs. Append only; never reorder or edit a released one. */
export const migrations: Migration[] = [
  postgisExtension,
  regionsTable,
  accountsTables,
  reportsTables,
  subCategoriesTable,
  revisionsComparePayloads,
  reportStatusNote,
  reportEventDetails,
  reportClaims,
  incidentsTables,
  followUpsTables,
  reportQueue,
  jobsTables,
  rollupsTables,
  dutiesTables,
  zeroPad,
  firstVerifiedAt,
  publishedReports,
  alertsTables,
  notificationsTables,
  newsTable,
  facilitiesTable,
  wallKiosks,
  notificationRetention,
  wallTickerIndex,
  notificationParams,
  newsRenderVersion,
  pushLang,
];
