import type { Sequelize } from "sequelize";
import type { DutySettings, Holiday, LeaveView, OfficerDutyView } from "@contract/duties.ts";
import { regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import type { RequestContext } from "../core/request-context.ts";
import { invalid, notFound } from "../core/errors.ts";
import { addDays, witaDay } from "@contract/periods.ts";
import { deleteHoliday, deleteLeave, getHolidays, getLeave, getLeaveById, getOfficers, insertLeave, saveDutySettings, setOfficerStart, upsertHoliday, type LeaveRow } from "./duty-calendar.repo.ts";
import { DUTY_WINDOW_DAYS, type DutiesService } from "./duties.service.ts";

/** How far back a change of an officer's start day is applied to duties already judged. */
const MAX_REJUDGE_DAYS = 400;

const presentLeave = (l: LeaveRow): LeaveView => ({
  id: l.id,
  officerId: l.officer_id,
  officerName: l.officer_name,
  firstDay: l.first_day,
  lastDay: l.last_day,
  reason: l.reason,
});

/**
 * What duties are judged against, kept by admins: deadlines, holidays, leave, officers' start days.
 * Each change judges the duties it can touch again at once, so the scorecard never waits for the next
 * check: a holiday or leave the periods around its days, a new setting the recent weeks. Every change
 * is recorded in the audit log with the request (`ctx`) that made it.
 */
export function createDutyCalendarService({ db, clock, duties, audit }: { db: Sequelize; clock: Clock; duties: DutiesService; audit: AuditService }) {
  const today = () => witaDay(clock.now());
  /** Periods whose deadline may fall on `first`…`last` begin up to the window before. */
  const around = (first: string, last: string, officerIds: string[] | null = null) => duties.rejudge(addDays(first, -DUTY_WINDOW_DAYS), last, officerIds);

  async function officerOf(officerId: string) {
    const [officer] = await getOfficers(db, [officerId], true);
    if (!officer) throw notFound("No such officer");
    return officer;
  }

  return {
    async putSettings(actor: Actor, settings: DutySettings, ctx: RequestContext): Promise<DutySettings> {
      const before = await duties.settings();
      await saveDutySettings(db, settings, actor.id);
      await audit.record(ctx, "duty.settings_changed", { targetType: "duty_settings", targetId: "settings", details: { before, after: settings } });
      await around(today(), today());
      return settings;
    },

    async holidays(year: number | undefined): Promise<Holiday[]> {
      return getHolidays(db, year ? `${year}-01-01` : null, year ? `${year}-12-31` : null);
    },

    async putHoliday(actor: Actor, h: Holiday, ctx: RequestContext): Promise<Holiday> {
      await upsertHoliday(db, h, actor.id);
      await audit.record(ctx, "holiday.added", { targetType: "holiday", targetId: h.day, details: { day: h.day, name: h.name } });
      await around(h.day, h.day);
      return h;
    },

    async removeHoliday(day: string, ctx: RequestContext): Promise<void> {
      const removed = await deleteHoliday(db, day);
      if (!removed) throw notFound("No holiday on that day");
      await audit.record(ctx, "holiday.removed", { targetType: "holiday", targetId: day, details: { day, name: removed.name } });
      await around(day, day);
    },

    /** Leave the actor may see: an officer their own, a verifier their region's, admins and leaders all. */
    async leave(actor: Actor, q: { officer?: string; from?: string; to?: string }): Promise<LeaveView[]> {
      const scope = scopeOf(actor, "duty.read");
      const officerIds = scope === "own" ? [actor.id] : q.officer ? [q.officer] : null;
      if (scope === "own" && q.officer && q.officer !== actor.id) return [];
      const kecamatan = scope === "region" ? regionFilter(actor) : null;
      return (await getLeave(db, { officerIds, kecamatan, from: q.from ?? null, to: q.to ?? null })).map(presentLeave);
    },

    async addLeave(actor: Actor, l: { officerId: string; firstDay: string; lastDay: string; reason: string }, ctx: RequestContext): Promise<LeaveView> {
      await officerOf(l.officerId);
      const id = await insertLeave(db, l, actor.id);
      await audit.record(ctx, "leave.added", { targetType: "user", targetId: l.officerId, details: { leaveId: id, firstDay: l.firstDay, lastDay: l.lastDay, reason: l.reason } });
      await around(l.firstDay, l.lastDay, [l.officerId]);
      return presentLeave((await getLeaveById(db, id))!);
    },

    async removeLeave(id: string, ctx: RequestContext): Promise<void> {
      const leave = await getLeaveById(db, id);
      if (!leave) throw notFound("No such leave");
      await deleteLeave(db, id);
      const details = { leaveId: id, firstDay: leave.first_day, lastDay: leave.last_day, reason: leave.reason };
      await audit.record(ctx, "leave.removed", { targetType: "user", targetId: leave.officer_id, details });
      await around(leave.first_day, leave.last_day, [leave.officer_id]);
    },

    /** Set (or, with null, clear) the day an officer's duties begin; their duties since then are judged again. */
    async setOfficerStart(actor: Actor, officerId: string, owesFrom: string | null, ctx: RequestContext): Promise<OfficerDutyView> {
      const before = await officerOf(officerId);
      if (owesFrom && owesFrom > addDays(today(), 366)) throw invalid("Input is not valid", { owesFrom: "must be within the next year" });
      await setOfficerStart(db, officerId, owesFrom, actor.id);
      const after = await officerOf(officerId);
      const details = { from: before.owes_from, to: after.owes_from, setByAdmin: after.set_by_admin };
      await audit.record(ctx, "duty.officer_start_changed", { targetType: "user", targetId: officerId, details });
      const floor = addDays(today(), -MAX_REJUDGE_DAYS);
      const changedFrom = before.owes_from < after.owes_from ? before.owes_from : after.owes_from;
      const earliest = changedFrom > floor ? changedFrom : floor;
      await duties.rejudge(earliest, today(), [officerId]);
      return { officerId, owesFrom: after.owes_from, setByAdmin: after.set_by_admin };
    },
  };
}

export type DutyCalendarService = ReturnType<typeof createDutyCalendarService>;
