import type { Logger } from "pino";
import type { JobTrigger } from "@contract/jobs.ts";
import { addDays, kindOfKey, nextPeriod, periodEnd, periodOf, previousPeriod, witaDay, witaInstant, WITA_OFFSET_MS, type PeriodKind } from "@contract/periods.ts";

/** How far back a job catches up after downtime: older periods are left to a run by hand. */
export const CATCH_UP_DAYS = 400;

export interface JobContext {
  /** "Now" for this run, from the app's clock. */
  now: Date;
  trigger: JobTrigger;
  log: Logger;
  /** Steps done out of `total`: saved on the run (its heartbeat too) and sent live to admins. */
  progress(done: number, total: number): Promise<void>;
}

export interface JobResult {
  /** Rows written, for the run's record. */
  rows: number;
}

/**
 * A scheduled job. `run` must be safe to run twice for a period (it recomputes, it never adds): the
 * scheduler retries failed periods, and an admin may rerun any period by hand.
 */
export interface Job {
  name: string;
  description: string;
  /** Cron expression, read in WITA. */
  schedule: string;
  /** The periods to run now, oldest first, given the last period done on schedule (null: never run). */
  periodsDue(lastDone: string | null, now: Date): string[];
  nextRunAt(now: Date): Date;
  /** The period a person asks for (a key, or a day inside the period; nothing: the latest due), null if none. */
  periodFor(input: string | undefined, now: Date): string | null;
  run(period: string, ctx: JobContext): Promise<JobResult>;
  /** Attempts older than this many days are deleted (frequent jobs); unset: kept. */
  keepRunsDays?: number;
}

type JobBody = Pick<Job, "name" | "description" | "run">;

/**
 * A job for each calendar period of `kind`, run `offsetMinutes` after the period ends (a day's rollup
 * at 00:05 the next day). After downtime it runs every period missed since the last one done, oldest
 * first, back at most CATCH_UP_DAYS; the first time ever, only the latest.
 */
export function calendarJob(body: JobBody & { kind: PeriodKind; offsetMinutes: number; schedule: string }): Job {
  const { kind, offsetMinutes } = body;
  const currentAt = (now: Date) => periodOf(kind, witaDay(new Date(now.getTime() - offsetMinutes * 60_000)));
  const latestDue = (now: Date) => previousPeriod(kind, currentAt(now));
  return {
    name: body.name,
    description: body.description,
    schedule: body.schedule,
    run: body.run,
    periodsDue(lastDone, now) {
      const last = latestDue(now);
      if (!lastDone) return [last];
      const oldest = periodOf(kind, addDays(witaDay(now), -CATCH_UP_DAYS));
      const due: string[] = [];
      for (let p = nextPeriod(kind, lastDone < oldest ? previousPeriod(kind, oldest) : lastDone); p <= last; p = nextPeriod(kind, p)) due.push(p);
      return due;
    },
    nextRunAt(now) {
      return new Date(witaInstant(periodEnd(kind, currentAt(now))).getTime() + offsetMinutes * 60_000);
    },
    periodFor(input, now) {
      if (input === undefined) return latestDue(now);
      const given = kindOfKey(input);
      if (given === kind) return input;
      return given === "day" ? periodOf(kind, input) : null;
    },
  };
}

const SLOT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** The WITA slot key (`2026-11-27T14:30`) of the `everyMinutes` slot holding `at`. */
export function slotOf(at: Date, everyMinutes: number): string {
  const slotMs = everyMinutes * 60_000;
  const local = Math.floor((at.getTime() + WITA_OFFSET_MS) / slotMs) * slotMs;
  return new Date(local).toISOString().slice(0, 16);
}

/**
 * A job every `everyMinutes` minutes whose run covers everything since the last one (a watermark), so
 * after downtime one run catches up: its period is the slot it ran in.
 */
export function intervalJob(body: JobBody & { everyMinutes: number }): Job {
  const { everyMinutes } = body;
  return {
    name: body.name,
    description: body.description,
    schedule: `*/${everyMinutes} * * * *`,
    run: body.run,
    // One run per slot adds up; the latest one is all the catch-up needs.
    keepRunsDays: 14,
    periodsDue(lastDone, now) {
      const slot = slotOf(now, everyMinutes);
      return !lastDone || lastDone < slot ? [slot] : [];
    },
    nextRunAt(now) {
      const slotMs = everyMinutes * 60_000;
      return new Date((Math.floor((now.getTime() + WITA_OFFSET_MS) / slotMs) + 1) * slotMs - WITA_OFFSET_MS);
    },
    periodFor(input, now) {
      if (input === undefined) return slotOf(now, everyMinutes);
      const m = SLOT.exec(input);
      return m && kindOfKey(m[1]!) === "day" && Number(m[2]) < 24 && Number(m[3]) < 60 ? slotOf(witaInstant(m[1]!, `${m[2]}:${m[3]}`), everyMinutes) : null;
    },
  };
}
