import type { DuplicateCandidate } from "@contract/incidents.ts";
import type { ReportDetail } from "@contract/report-detail.ts";

/**
 * Where a merge goes: into the report's own incident, else into the incident a chosen candidate is in
 * already, else into a new incident; each report named once, none that is in the target already.
 */
export function mergePlan(report: Pick<ReportDetail, "id" | "incident">, chosen: readonly Pick<DuplicateCandidate, "id" | "incident">[]) {
  const target = report.incident?.id ?? chosen.find((c) => c.incident)?.incident?.id ?? null;
  if (!target) return { kind: "create" as const, reportIds: [report.id, ...chosen.map((c) => c.id)] };
  const outside = chosen.filter((c) => c.incident?.id !== target).map((c) => c.id);
  return { kind: "add" as const, incidentId: target, reportIds: report.incident ? outside : [report.id, ...outside] };
}
