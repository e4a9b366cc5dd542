import type { Sequelize } from "sequelize";
import { DEFAULT_DUTY_SETTINGS, DutySettings, type DutyReminder, type MyDuties } from "@contract/duties.ts";
import type { Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import { addDays, periodStart, witaDay } from "@contract/periods.ts";
import { getDutySettings, getHolidays, getLeave, getOfficers, type OfficerRow } from "./duty-calendar.repo.ts";
import {
  getDutyWatermark,
  getLastSeq,
  getLatestDutyDay,
  getPeriodicChangedSince,
  getRemindersDue,
  getSubmissions,
  markReminded,
  saveDuties,
  setDutyWatermark,
  type DutyRow,
} from "./duties.repo.ts";
import { dutyDeadline, judgeDuty, PERIOD_OF_DUTY, periodsStartingBetween, type DutyPeriod, type OfficerCalendar } from "./duty-rules.ts";
import { presentDuty } from "./duties.present.ts";

/** How far back the duty check looks every time: a monthly report is due up to 36 days after its month began. */
export const DUTY_WINDOW_DAYS = 45;
/** …and at most this far after downtime. */
const MAX_CATCH_UP_DAYS = 400;
/** The officer's own list: this many days back. */
const MINE_DAYS = 35;

export interface DutiesServiceDeps {
  db: Sequelize;
  clock: Clock;
  /**
   * Send an officer their reminder (the socket event `duty:reminder` to their own room). Without it (the
   * command line) reminders are left for a server to send.
   */
  remind?: (officerId: string, reminder: DutyReminder) => void;
}

/**
 * Duties: for each officer, which periodic reports they owe, by when, and how each stands. The rules
 * are in duty-rules.ts; this evaluates them over periods and officers, stores the outcome (the scorecard
 * reads it), and reminds officers before their deadlines.
 */
export function createDutiesService({ db, clock, remind }: DutiesServiceDeps) {
  async function settings(): Promise<DutySettings> {
    const stored = DutySettings.safeParse(await getDutySettings(db));
    return stored.success ? stored.data : DEFAULT_DUTY_SETTINGS;
  }

  /** What the rules say for these periods and officers at `now`; nothing is stored. */
  async function evaluate(periods: DutyPeriod[], officers: OfficerRow[], now: Date): Promise<DutyRow[]> {
    if (!periods.length || !officers.length) return [];
    const starts = periods.map((p) => periodStart(PERIOD_OF_DUTY[p.kind], p.period)).sort();
    const from = starts[0]!;
    // Deadlines land up to ~36 days after a period begins, and may move further past holidays and leave.
    const to = addDays(starts[starts.length - 1]!, 100);
    const officerIds = officers.map((o) => o.id);
    const [rules, holidays, leave, submissions] = await Promise.all([
      settings(),
      getHolidays(db, from, to),
      getLeave(db, { officerIds, kecamatan: null, from, to }),
      getSubmissions(db, officerIds, periods),
    ]);
    const holidaySet = new Set(holidays.map((h) => h.day));
    const sent = new Map(submissions.map((s) => [`${s.author_id}|${s.kind}|${s.period}`, s]));
    const rows: DutyRow[] = [];
    for (const officer of officers) {
      const calendar: OfficerCalendar = {
        owesFrom: officer.owes_from,
        leave: leave.filter((l) => l.officer_id === officer.id).map((l) => ({ firstDay: l.first_day, lastDay: l.last_day })),
      };
      for (const p of periods) {
        const dueAt = dutyDeadline(p, rules, holidaySet, calendar);
        if (!dueAt) continue;
        const s = sent.get(`${officer.id}|${p.kind}|${p.period}`);
        const sentAt = s ? new Date(s.sent_at) : null;
        rows.push({
          officer_id: officer.id,
          kind: p.kind,
          period: p.period,
          period_start: periodStart(PERIOD_OF_DUTY[p.kind], p.period),
          kecamatan_kode: officer.kecamatan_kode,
          due_at: dueAt,
          status: judgeDuty(dueAt, sentAt, now),
          report_id: s?.report_id ?? null,
          sent_at: sentAt,
        });
      }
    }
    return rows;
  }

  /** Evaluate and store; returns duties written, changed or removed. */
  async function judge(periods: DutyPeriod[], officerIds: string[] | null, now: Date): Promise<number> {
    const officers = await getOfficers(db, officerIds);
    const rows = await evaluate(periods, officers, now);
    return saveDuties(db, rows, { periods, officerIds: officers.map((o) => o.id) }, now);
  }

  return {
    settings,

    /** Judge the duties of periods beginning between `from` and `to` again (after a holiday, leave or settings change). */
    rejudge(from: string, to: string, officerIds: string[] | null = null): Promise<number> {
      const today = witaDay(clock.now());
      const last = to < today ? to : today;
      return from > last ? Promise.resolve(0) : judge(periodsStartingBetween(from, last), officerIds, clock.now());
    },

    /**
     * The duty check (a job every 15 minutes): judge the duties of the recent weeks — further back after
     * downtime — and of any older period a periodic report arrived for since the last check (a phone that
     * was offline for weeks), then send the reminders that are due. Returns duties written or changed.
     */
    async check(now: Date, progress: (done: number, total: number) => Promise<void> = async () => {}): Promise<number> {
      const today = witaDay(now);
      const latest = (await getLatestDutyDay(db)) ?? today;
      const floor = addDays(today, -MAX_CATCH_UP_DAYS);
      let from = addDays(latest < today ? latest : today, -DUTY_WINDOW_DAYS);
      if (from < floor) from = floor;
      let rows = await judge(periodsStartingBetween(from, today), null, now);
      await progress(1, 3);

      const after = await getDutyWatermark(db);
      const upTo = await getLastSeq(db);
      const older = (await getPeriodicChangedSince(db, after, upTo)).filter((c) => periodStart(PERIOD_OF_DUTY[c.kind], c.period) < from);
      for (const officerId of new Set(older.map((c) => c.author_id)))
        rows += await judge(older.filter((c) => c.author_id === officerId), [officerId], now);
      await setDutyWatermark(db, upTo);
      await progress(2, 3);

      const rules = await settings();
      if (remind && rules.reminderLeadMinutes > 0) {
        const due = await getRemindersDue(db, now, rules.reminderLeadMinutes);
        for (const d of due) remind(d.officer_id, { duty: presentDuty(d, rules) });
        await markReminded(db, due, now);
      }
      await progress(3, 3);
      return rows;
    },

    /** The officer's own duties of the last weeks, judged now (not from the last check: a report just sent counts). */
    async mine(actor: Actor): Promise<MyDuties> {
      const rules = await settings();
      if (actor.role !== "officer") return { duties: [], settings: rules };
      const now = clock.now();
      const today = witaDay(now);
      const officers = await getOfficers(db, [actor.id]);
      const rows = await evaluate(periodsStartingBetween(addDays(today, -MINE_DAYS), today), officers, now);
      rows.sort((a, b) => a.due_at.getTime() - b.due_at.getTime());
      return { duties: rows.map((d) => presentDuty(d, rules)), settings: rules };
    },
  };
}

export type DutiesService = ReturnType<typeof createDutiesService>;
