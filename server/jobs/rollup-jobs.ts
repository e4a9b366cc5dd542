import { calendarJob, intervalJob, type Job } from "./job.ts";
import type { PeriodKind } from "@contract/periods.ts";
import type { RollupsService } from "../rollups/rollups.service.ts";

/** A scheduled rollup of one period kind: rebuilt from the reports when the period has ended. */
function periodRollup(rollups: RollupsService, name: string, kind: PeriodKind, offsetMinutes: number, schedule: string, what: string): Job {
  return calendarJob({
    name,
    description: `Rollup of the ${what} just ended, rebuilt from its reports`,
    kind,
    offsetMinutes,
    schedule,
    async run(period, ctx) {
      return { rows: await rollups.rebuildPeriod(kind, period, ctx.progress) };
    },
  });
}

/**
 * The rollup jobs, in the order they catch up: days first, since weeks and months are built from them
 * and quarters from months. `rollup-changes` folds in whatever changed since its watermark every ten
 * minutes (late reports land in their own, older period); the calendar jobs rebuild each period once
 * it has ended, so the rollups never drift from the reports for long.
 */
export function rollupJobs(rollups: RollupsService): Job[] {
  return [
    periodRollup(rollups, "rollup-daily", "day", 5, "5 0 * * *", "day"),
    periodRollup(rollups, "rollup-weekly", "week", 10, "10 0 * * 1", "ISO week"),
    periodRollup(rollups, "rollup-monthly", "month", 15, "15 0 1 * *", "month"),
    periodRollup(rollups, "rollup-quarterly", "quarter", 30, "30 0 1 1,4,7,10 *", "quarter"),
    intervalJob({
      name: "rollup-changes",
      description: "Rollups of the periods touched by reports that arrived or changed since the last run",
      everyMinutes: 10,
      async run(_slot, ctx) {
        const { rows, reports, days } = await rollups.rollUpChanges(ctx.progress);
        ctx.log.info({ reports, days, rows }, "changed reports rolled up");
        return { rows };
      },
    }),
  ];
}
