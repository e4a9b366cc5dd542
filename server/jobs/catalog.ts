import type { DutiesService } from "../duties/duties.service.ts";
import type { RollupsService } from "../rollups/rollups.service.ts";
import type { Job } from "./job.ts";
import { dutyJobs } from "./duty-jobs.ts";
import { rollupJobs } from "./rollup-jobs.ts";

/** Every scheduled job, in catch-up order: the rollups (days before the weeks built from them), then duties. */
export function scheduledJobs(s: { rollups: RollupsService; duties: DutiesService }): Job[] {
  return [...rollupJobs(s.rollups), ...dutyJobs(s.duties)];
}
