import { AMENDABLE_STATUSES, type ReportKind } from "@contract/reports.ts";
import type { MyReport } from "../my-reports/my-reports.model.ts";

/**
 * What sending a periodic report for `period` will do, given the officer's reports: a first report
 * (`new`), a revision back to review (`revision`), or — for one already verified or published — an
 * amendment kept beside the verified report and flagged for review, its status unchanged (`amendment`).
 */
export function periodicResend(reports: readonly Pick<MyReport, "kind" | "period" | "status">[], kind: ReportKind, period: string): "new" | "revision" | "amendment" {
  if (kind === "situation" || !period) return "new";
  const existing = reports.find((r) => r.kind === kind && r.period === period);
  if (!existing) return "new";
  return AMENDABLE_STATUSES.includes(existing.status) ? "amendment" : "revision";
}
