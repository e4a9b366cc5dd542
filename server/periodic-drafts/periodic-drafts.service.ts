import type { Sequelize } from "sequelize";
import { periodBounds, type PeriodicDraft, type PeriodicDraftQuery } from "@contract/periodic-drafts.ts";
import type { Actor } from "../auth/permissions.ts";
import { forbidden, invalid } from "../core/errors.ts";
import { composeDraft } from "./draft-compose.ts";
import { countOwnSituations, getOwnDailies, getOwnSituations } from "./periodic-drafts.repo.ts";

const DAY_MS = 86_400_000;

/**
 * Drafts of tiered reports (berjenjang): an officer's weekly or monthly report compiled from their own
 * dailies and situation reports of the period, WITA boundaries. Only ever the caller's own reports.
 */
export function createPeriodicDraftsService({ db }: { db: Sequelize }) {
  return {
    async draft(actor: Actor, q: PeriodicDraftQuery): Promise<PeriodicDraft> {
      if (actor.role !== "officer") throw forbidden("Only officers write periodic reports");
      const bounds = periodBounds(q.kind, q.period);
      if (!bounds) throw invalid("Input is not valid", { period: `not a ${q.kind} period` });
      const [start, end] = [new Date(bounds.start), new Date(bounds.end)];
      // The period before, for the trend: the week before, or the month before (its length, not 30 days).
      const previous = q.kind === "weekly" ? periodBounds("weekly", previousWeek(bounds.start)) : periodBounds("monthly", previousMonth(q.period));
      const [situations, dailies, previousSituations] = await Promise.all([
        getOwnSituations(db, actor.id, start, end),
        getOwnDailies(db, actor.id, bounds.firstDay, bounds.lastDay),
        previous ? countOwnSituations(db, actor.id, new Date(previous.start), start) : Promise.resolve(0),
      ]);
      return composeDraft({ kind: q.kind, period: q.period, bounds, situations, dailies, previousSituations });
    },
  };
}

export type PeriodicDraftsService = ReturnType<typeof createPeriodicDraftsService>;

/** The ISO week key of the week before the one starting at `start` (00:00 WITA on a Monday). */
function previousWeek(start: number): string {
  const d = new Date(start + 8 * 3_600_000 - 7 * DAY_MS);
  d.setUTCDate(d.getUTCDate() + 3); // its Thursday decides the year
  const year = d.getUTCFullYear();
  const week = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function previousMonth(period: string): string {
  const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
