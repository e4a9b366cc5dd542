import type { DutiesService } from "../duties/duties.service.ts";
import type { Housekeeping } from "../housekeeping/housekeeping.service.ts";
import type { RollupsService } from "../rollups/rollups.service.ts";
import type { Job } from "./job.ts";
import { dutyJobs } from "./duty-jobs.ts";
import { housekeepingJobs } from "./housekeeping-jobs.ts";
import { rollupJobs } from "./rollup-jobs.ts";

/** Every scheduled job, in catch-up order: the rollups (days before the weeks built from them), duties, then housekeeping. */
export function scheduledJobs(s: { rollups: RollupsService; duties: DutiesService; housekeeping: Housekeeping }): Job[] {
  return [...rollupJobs(s.rollups), ...dutyJobs(s.duties), ...housekeepingJobs(s.housekeeping)];
}
