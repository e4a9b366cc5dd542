import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { Actor } from "../../server/auth/permissions.ts";
import type { PublishingService } from "../../server/publishing/publishing.service.ts";
import { publishableDemoReports } from "./demo-publications.repo.ts";

/** Enough that every kecamatan shows a few dots on the public map, few enough to read the list. */
const PER_KECAMATAN = 4;
const WITHIN_DAYS = 60;

/**
 * The demo's public map is not empty: a few recent verified reports per kecamatan are published through
 * the real publishing path (drafted title and summary, desa centre, no photos), by the demo admin. Runs
 * only right after the demo's reports were seeded, so a real office is never published into.
 */
export async function publishDemoReports(deps: { db: Sequelize; publishing: PublishingService; admin: Actor; log: Logger }): Promise<number> {
  const reports = await publishableDemoReports(deps.db, WITHIN_DAYS, PER_KECAMATAN);
  let published = 0;
  for (const { id, version } of reports) {
    try {
      await deps.publishing.publish(deps.admin, id, { version }, null);
      published++;
    } catch (err) {
      deps.log.warn({ err, reportId: id }, "demo report not published");
    }
  }
  deps.log.info({ published }, "demo reports published");
  return published;
}
