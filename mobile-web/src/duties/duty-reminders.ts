import type { DutyKind, DutySettings, DutyView, MyDuties } from "@contract/duties.ts";
import { periodBounds } from "@contract/period-titles.ts";
import type { ReportKind, ReportStatus } from "@contract/reports.ts";
import { witaDate } from "@kit/wita.ts";
import { defaultPeriod } from "../periodic/period.ts";

/**
 * What the home screen says is owed, from the last known duties (`GET /api/duties/mine`, cached for
 * offline) and what the phone knows it sent or queued since. Pure: the clock is an argument.
 *
 * One line per kind: the open duty with the nearest deadline still ahead; else the latest one missed less
 * than a day ago (late, still worth sending); else the latest one met. "Met" counts a report waiting in
 * the outbox, so a report saved offline clears its reminder at once.
 */

export type DutyState = "due" | "soon" | "overdue" | "done";

export interface DutyLine {
  kind: DutyKind;
  period: string;
  dueAt: number;
  state: DutyState;
  /** Met only by a report still waiting in this phone's outbox. */
  waiting: boolean;
}

interface QueuedLike {
  kind: ReportKind;
  payload: object;
}
interface ReportLike {
  kind: ReportKind;
  period: string | null;
  status: ReportStatus;
}

/** What the home screen knows: the last answer of `GET /api/duties/mine` and when it came. */
export interface KnownDuties {
  duties: MyDuties;
  fetchedAt: number;
}

const KINDS: readonly DutyKind[] = ["daily", "weekly", "monthly"];
/** A missed duty stays on the list this long after its deadline. */
const OVERDUE_GRACE_MS = 24 * 3_600_000;
/** "Near" when no reminder lead is configured. */
const DEFAULT_LEAD_MINUTES = 120;
const DAY_MS = 86_400_000;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The period of `kind` that holds `now` (WITA). */
export const currentPeriod: (kind: DutyKind, now: number) => string = defaultPeriod;

/**
 * The deadline of a period from the settings alone (no holidays or leave: the phone does not know them).
 * Used only for a period that began after the duties were fetched, so an offline phone still reminds of
 * today's daily report; a holiday would only move a deadline later, so the reminder is never too late.
 */
export function projectedDeadline(kind: DutyKind, period: string, settings: DutySettings): number | null {
  const bounds = periodBounds(kind, period);
  if (!bounds || !settings[kind].enabled) return null;
  if (kind === "daily") {
    const weekday = new Date(bounds.start + 8 * 3_600_000).getUTCDay() || 7;
    return settings.daily.weekdays.includes(weekday) ? bounds.start + minutesOf(settings.daily.time) * 60_000 : null;
  }
  const daysAfter = kind === "weekly" ? settings.weekly.weekday - 1 : settings.monthly.day - 1;
  return bounds.end + daysAfter * DAY_MS + minutesOf(settings[kind].time) * 60_000;
}

/** The known duties, with this period's added when it began after they were fetched. */
function dutiesAt(now: number, known: KnownDuties): Pick<DutyView, "kind" | "period" | "dueAt" | "status">[] {
  const list: Pick<DutyView, "kind" | "period" | "dueAt" | "status">[] = [...known.duties.duties];
  for (const kind of KINDS) {
    const period = currentPeriod(kind, now);
    const bounds = periodBounds(kind, period);
    if (!bounds || bounds.start <= known.fetchedAt || list.some((d) => d.kind === kind && d.period === period)) continue;
    const dueAt = projectedDeadline(kind, period, known.duties.settings);
    if (dueAt !== null) list.push({ kind, period, dueAt: new Date(dueAt).toISOString(), status: "pending" });
  }
  return list;
}

export function dutyLines(now: number, known: KnownDuties | null, outbox: readonly QueuedLike[], mine: readonly ReportLike[]): DutyLine[] {
  if (!known) return [];
  const leadMs = (known.duties.settings.reminderLeadMinutes || DEFAULT_LEAD_MINUTES) * 60_000;
  const queued = (kind: DutyKind, period: string) => outbox.some((e) => e.kind === kind && (e.payload as { period?: unknown }).period === period);
  const onServer = (kind: DutyKind, period: string) => mine.some((r) => r.kind === kind && r.period === period && r.status !== "rejected");
  const lines: DutyLine[] = [];
  for (const kind of KINDS) {
    const all = dutiesAt(now, known)
      .filter((d) => d.kind === kind)
      .map((d) => {
        const sent = d.status === "on_time" || d.status === "late" || onServer(kind, d.period);
        return { kind, period: d.period, dueAt: Date.parse(d.dueAt), met: sent || queued(kind, d.period), waiting: !sent && queued(kind, d.period) };
      })
      .sort((a, b) => a.dueAt - b.dueAt);
    const ahead = all.find((d) => !d.met && d.dueAt > now);
    const missed = all.filter((d) => !d.met && d.dueAt <= now && now - d.dueAt < OVERDUE_GRACE_MS).pop();
    const met = all.filter((d) => d.met && (d.dueAt > now || now - d.dueAt < OVERDUE_GRACE_MS)).pop();
    if (ahead) lines.push({ kind, period: ahead.period, dueAt: ahead.dueAt, state: ahead.dueAt - now <= leadMs ? "soon" : "due", waiting: false });
    else if (missed) lines.push({ kind, period: missed.period, dueAt: missed.dueAt, state: "overdue", waiting: false });
    else if (met) lines.push({ kind, period: met.period, dueAt: met.dueAt, state: "done", waiting: met.waiting });
  }
  return lines;
}

/**
 * The period a new report of `kind` is for: the one its open duty names (so the home screen's button and
 * the form agree — on a Monday morning that is last week), else the period holding `now`.
 */
export function owedPeriod(kind: DutyKind, lines: readonly DutyLine[], now: number): string {
  const line = lines.find((l) => l.kind === kind && l.state !== "done");
  return line?.period ?? currentPeriod(kind, now);
}

/** When a deadline falls, as the home screen words it: today, tomorrow, or another day (WITA). */
export function deadlineDay(dueAt: number, now: number): "today" | "tomorrow" | "later" | "past" {
  const [due, today] = [witaDate(dueAt), witaDate(now)];
  if (due === today) return "today";
  if (due < today) return "past";
  return due === witaDate(now + DAY_MS) ? "tomorrow" : "later";
}
