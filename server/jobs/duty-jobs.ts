import { intervalJob, type Job } from "./job.ts";
import type { DutiesService } from "../duties/duties.service.ts";

/**
 * The duty check every 15 minutes: duties of the recent weeks judged at the run's "now" (pending turns
 * missing at the deadline, a report that arrived turns a duty on time or late), reminders sent when
 * their time has come. One run covers everything since the last, so after downtime one run catches up.
 */
export function dutyJobs(duties: DutiesService): Job[] {
  return [
    intervalJob({
      name: "duty-check",
      description: "Judge officers' reporting duties (on time, late, missing) and send the reminders due",
      everyMinutes: 15,
      async run(_slot, ctx) {
        return { rows: await duties.check(ctx.now, ctx.progress) };
      },
    }),
  ];
}
