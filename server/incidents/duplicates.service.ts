import type { Sequelize } from "sequelize";
import type { DuplicateCandidate } from "@contract/incidents.ts";
import { regionFilter, type Actor } from "../auth/permissions.ts";
import { notFound } from "../core/errors.ts";
import { canReadReport } from "../reports/reports.service.ts";
import { findDuplicateRows } from "./duplicates.repo.ts";
import { getReportsForMerge } from "./incidents.read.repo.ts";
import { presentCandidate } from "./incidents.present.ts";

/** How near in place and time a report must be to count as a possible duplicate (config.ts). */
export interface DuplicateSettings {
  radiusM: number;
  windowHours: number;
}

/**
 * Possible duplicates of a situation report, most alike first: same bidang, within the radius and the
 * time window, not itself nor already in its incident, and only reports the reader may see. A periodic
 * report has none (an empty list, so a detail view needs no special case). Out of scope → 404.
 */
export async function findDuplicates(
  db: Sequelize,
  settings: DuplicateSettings,
  actor: Actor,
  reportId: string,
  limit: number,
): Promise<DuplicateCandidate[]> {
  const [report] = await getReportsForMerge(db, [reportId]);
  if (!report || actor.role === "officer" || !canReadReport(actor, report)) throw notFound("Report not found");
  if (report.kind !== "situation") return [];
  const rows = await findDuplicateRows(db, { reportId, ...settings, scope: regionFilter(actor), limit });
  return rows.map(presentCandidate);
}
