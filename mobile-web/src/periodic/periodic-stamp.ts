import { highestKerawanan, periodBounds, type PeriodicKind } from "@contract/period-titles.ts";
import type { Kerawanan } from "@contract/reports.ts";

/** A situation report the phone knows of (on the server, or waiting in the outbox). */
export interface KnownSituation {
  kerawanan: Kerawanan;
  occurredAt: string;
}

/**
 * The incident time and tingkat kerawanan of a periodic report, which the officer is no longer asked for.
 *
 * Why the phone fills them rather than the contract making them optional: the contract, intake, the
 * rollups (counted by kerawanan), the scorecard and the dashboard all read both columns of every report,
 * and reports already waiting in phones' outboxes carry them; filling them here changes none of that. The
 * values are derived, not invented: the report stands for the end of its period (or now, while the period
 * is still running — an instant in the future would be refused), and for the highest kerawanan among the
 * officer's own situation reports of the period ("rendah" when there were none).
 */
export function periodicStamp(
  kind: PeriodicKind,
  period: string,
  now: number,
  situations: readonly KnownSituation[],
  fromDraft: Kerawanan | null = null,
): { occurredAt: string; kerawanan: Kerawanan } {
  const bounds = periodBounds(kind, period);
  if (!bounds) return { occurredAt: new Date(now).toISOString(), kerawanan: fromDraft ?? "rendah" };
  const inPeriod = situations.filter((s) => {
    const at = Date.parse(s.occurredAt);
    return at >= bounds.start && at < bounds.end;
  });
  const levels = inPeriod.map((s) => s.kerawanan);
  if (fromDraft) levels.push(fromDraft);
  return { occurredAt: new Date(Math.min(bounds.end - 1_000, now)).toISOString(), kerawanan: highestKerawanan(levels) ?? "rendah" };
}
