import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { UsersService } from "../../server/users/users.service.ts";
import { ensureDemoCast } from "./accounts.ts";
import { seedReports } from "./seed.ts";
import { hasReports } from "./seed.repo.ts";

/** Reports `npm start` puts into an empty office: a year of a small Kesbangpol, seeded in a few seconds. */
export const DEMO_REPORTS = 3_000;
/** The demo is the same office every time (its dates move with the day it is started). */
export const DEMO_SEED = "sikanda-demo";

/**
 * Demo mode's office data: only when no report is stored yet, so restarts and real use are never touched.
 * Runs before the server listens, so the first page a new user opens shows a working office.
 */
export async function seedDemoReports(deps: { db: Sequelize; users: UsersService; kecamatan: { kode: string; nama: string }[]; now: Date; log: Logger }): Promise<boolean> {
  const { db, log } = deps;
  if (await hasReports(db)) return false;
  const cast = await ensureDemoCast(deps.users, deps.kecamatan, DEMO_REPORTS, log);
  const summary = await seedReports(db, { seed: DEMO_SEED, reports: DEMO_REPORTS, end: deps.now.getTime(), cast });
  log.info(summary, "demo reports seeded");
  return true;
}
