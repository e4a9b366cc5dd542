import { calendarJob, type Job } from "./job.ts";
import type { Housekeeping } from "../housekeeping/housekeeping.service.ts";

/** Once a day at 02:00 WITA, when nobody is on: prune what grows without end (server/housekeeping/). */
export function housekeepingJobs(housekeeping: Housekeeping): Job[] {
  return [
    calendarJob({
      name: "housekeeping",
      description: "Delete old notifications, finished push deliveries and stale login-throttle keys",
      kind: "day",
      offsetMinutes: 120,
      schedule: "0 2 * * *",
      async run(_day, ctx) {
        const pruned = await housekeeping.run(ctx.now, ctx.progress);
        ctx.log.info(pruned, "housekeeping done");
        return { rows: pruned.notifications + pruned.pushes + pruned.throttleKeys };
      },
    }),
  ];
}
