import { z } from "zod";
import { KecamatanKode } from "./auth.ts";
import { Bidang, Kerawanan, ReportStatus } from "./reports.ts";
import { requiredSafeText, safeText } from "./text.ts";
import { DailyPeriod } from "./time.ts";

/**
 * Reporting duties: the daily, weekly and monthly reports an officer owes, by when, and how each stood.
 * A duty is judged by when the phone saved the report (`sentAt` of its first submission), not by when it
 * reached the server, so a report kept in an offline phone's outbox is on time if it was written on time.
 */

export const DutyKind = z.enum(["daily", "weekly", "monthly"]);
export type DutyKind = z.infer<typeof DutyKind>;
/** `pending`: not sent, deadline ahead; `missing`: not sent, deadline passed; `late`: sent after it. */
export const DutyStatus = z.enum(["pending", "on_time", "late", "missing"]);
export type DutyStatus = z.infer<typeof DutyStatus>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time such as 20:00");
const Weekday = z.number().int().min(1, "1 is Monday").max(7, "7 is Sunday");
const Day = DailyPeriod;

/**
 * Deadlines, WITA. A daily report is due on its own day at `daily.time`; a weekly report on `weekly.weekday`
 * of the week after (Monday: the week is over by then); a monthly report on `monthly.day` of the month
 * after. A deadline that falls on a holiday or on the officer's leave moves to the next day free of both.
 */
export const DutySettings = z.strictObject({
  daily: z.strictObject({
    enabled: z.boolean(),
    time: Time,
    /** Days of the week a daily report is owed (ISO: 1 Monday … 7 Sunday). */
    weekdays: z.array(Weekday).min(1).max(7),
  }),
  weekly: z.strictObject({ enabled: z.boolean(), weekday: Weekday, time: Time }),
  monthly: z.strictObject({ enabled: z.boolean(), day: z.number().int().min(1).max(28), time: Time }),
  /** An in-app reminder this long before a deadline (0: none). */
  reminderLeadMinutes: z.number().int().min(0).max(24 * 60),
});
export type DutySettings = z.infer<typeof DutySettings>;

export const DEFAULT_DUTY_SETTINGS: DutySettings = {
  daily: { enabled: true, time: "20:00", weekdays: [1, 2, 3, 4, 5, 6, 7] },
  weekly: { enabled: true, weekday: 1, time: "12:00" },
  monthly: { enabled: true, day: 5, time: "23:59" },
  reminderLeadMinutes: 120,
};

export const DutyView = z.strictObject({
  officerId: z.string(),
  kind: DutyKind,
  /** The report's period: `2026-11-27`, `2026-W48`, `2026-11`. */
  period: z.string(),
  dueAt: z.string(),
  /** When the reminder is (or was) due. */
  remindAt: z.string(),
  status: DutyStatus,
  reportId: z.string().nullable(),
  /** When the phone saved the report that meets the duty. */
  sentAt: z.string().nullable(),
});
export type DutyView = z.infer<typeof DutyView>;

/** The officer's own duties (the phone's list): the recent weeks' and the ones open now, oldest first. */
export const MyDuties = z.strictObject({ duties: z.array(DutyView), settings: DutySettings });
export type MyDuties = z.infer<typeof MyDuties>;

/** `duty:reminder`, to the officer's own sockets: a duty still open with its deadline near. */
export interface DutyReminder {
  duty: DutyView;
}

export const Holiday = z.strictObject({ day: z.string(), name: z.string() });
export type Holiday = z.infer<typeof Holiday>;
export const HolidayInput = z.strictObject({ day: Day, name: requiredSafeText({ max: 100, singleLine: true }) });
export const HolidaysQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() });
export const HolidayParams = z.object({ day: Day });

export const LeaveView = z.strictObject({
  id: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  reason: z.string(),
});
export type LeaveView = z.infer<typeof LeaveView>;
export const LeaveInput = z
  .strictObject({ officerId: z.string().uuid("not a user id"), firstDay: Day, lastDay: Day, reason: safeText({ max: 300, singleLine: true }).default("") })
  .refine((l) => l.lastDay >= l.firstDay, { path: ["lastDay"], message: "must not be before firstDay" });
export const LeaveQuery = z.object({
  officer: z.string().uuid("not a user id").optional(),
  /** Leave overlapping these days (inclusive). */
  from: Day.optional(),
  to: Day.optional(),
});
export const LeaveParams = z.object({ id: z.string().uuid("not a leave id") });

/** The day an officer's duties begin: set by an admin, or (null) the day their account was made. */
export const OfficerDutyParams = z.object({ officerId: z.string().uuid("not a user id") });
export const OfficerDutyInput = z.strictObject({ owesFrom: Day.nullable() });
export const OfficerDutyView = z.strictObject({ officerId: z.string(), owesFrom: z.string(), setByAdmin: z.boolean() });
export type OfficerDutyView = z.infer<typeof OfficerDutyView>;

/** A period of the scorecard: a day, an ISO week, a month or a quarter; default the current month. */
const ScorecardPeriod = z.string().regex(/^\d{4}-(\d{2}(-\d{2})?|W\d{2}|Q[1-4])$/, "a period such as 2026-11, 2026-W48, 2026-Q4 or 2026-11-27");

export const ScorecardQuery = z.object({
  period: ScorecardPeriod.optional(),
  kecamatan: KecamatanKode.optional(),
  officer: z.string().uuid("not a user id").optional(),
});
export const ScorecardReportsQuery = z.object({ period: ScorecardPeriod.optional() });

const counts = {
  /** Duties of the period (holidays, leave and days before the officer's start excluded). */
  owed: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Deadline still ahead, nothing sent yet. */
  pending: z.number().int(),
  /** The officer's reports of the period, of every kind. */
  reports: z.number().int(),
  verified: z.number().int(),
  rejected: z.number().int(),
  /** verified ÷ (verified + rejected); null while none was decided. */
  verificationRate: z.number().nullable(),
};
export const ScorecardCounts = z.strictObject(counts);
export type ScorecardCounts = z.infer<typeof ScorecardCounts>;
export const ScorecardOfficer = z.strictObject({ officerId: z.string(), name: z.string(), kecamatanKode: z.string(), ...counts });
export type ScorecardOfficer = z.infer<typeof ScorecardOfficer>;
export const ScorecardKecamatan = z.strictObject({ kecamatanKode: z.string(), officers: z.number().int(), ...counts });
export type ScorecardKecamatan = z.infer<typeof ScorecardKecamatan>;

export const Scorecard = z.strictObject({
  period: z.string(),
  /** First and last day of the period (inclusive). */
  from: z.string(),
  to: z.string(),
  officers: z.array(ScorecardOfficer),
  kecamatan: z.array(ScorecardKecamatan),
  total: ScorecardCounts,
});
export type Scorecard = z.infer<typeof Scorecard>;

export const ScorecardReport = z.strictObject({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  period: z.string().nullable(),
  perihal: z.string(),
  bidang: Bidang.nullable(),
  kerawanan: Kerawanan,
  status: ReportStatus.or(z.string()),
  occurredAt: z.string(),
  sentAt: z.string(),
  receivedAt: z.string(),
});
export type ScorecardReport = z.infer<typeof ScorecardReport>;

export const ScorecardDrilldown = z.strictObject({
  officer: z.strictObject({ id: z.string(), name: z.string(), kecamatanKode: z.string() }),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  duties: z.array(DutyView),
  reports: z.array(ScorecardReport),
});
export type ScorecardDrilldown = z.infer<typeof ScorecardDrilldown>;
