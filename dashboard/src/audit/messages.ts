import { createAreaText, type MessageParams } from "@kit/i18n.ts";
import { i18n } from "../i18n/i18n.ts";

/**
 * Verbs of the audit entries for scheduled jobs and reporting duties (issue 15). They live with the audit
 * page, in its own chunk, rather than in the app's entry dictionaries like the older `auditVerb.*`.
 */
export const id = {
  "job.run": "menjalankan tugas terjadwal {target}",
  "duty.settings_changed": "mengubah pengaturan tenggat laporan berkala",
  "duty.officer_start_changed": "mengubah awal kewajiban lapor {target} menjadi {to}",
  "holiday.added": "menambah hari libur {target}",
  "holiday.removed": "menghapus hari libur {target}",
  "leave.added": "mencatat cuti {target}, {firstDay} s.d. {lastDay}",
  "leave.removed": "menghapus cuti {target}, {firstDay} s.d. {lastDay}",
  "default": "tanggal pembuatan akun",
};
type AuditAreaKey = keyof typeof id;

export const en: Record<AuditAreaKey, string> = {
  "job.run": "ran the scheduled job {target}",
  "duty.settings_changed": "changed the reporting deadlines",
  "duty.officer_start_changed": "changed the day {target} owes reports from to {to}",
  "holiday.added": "added the holiday {target}",
  "holiday.removed": "removed the holiday {target}",
  "leave.added": "recorded leave for {target}, {firstDay} to {lastDay}",
  "leave.removed": "removed the leave of {target}, {firstDay} to {lastDay}",
  "default": "the day the account was made",
};

export type AuditAreaText = (key: AuditAreaKey, params?: MessageParams) => string;

/** Actions worded by this area's verbs, in the order the page's filter lists them. */
export const JOB_DUTY_ACTIONS = ["job.run", "duty.settings_changed", "duty.officer_start_changed", "holiday.added", "holiday.removed", "leave.added", "leave.removed"] as const;
export type JobDutyAction = (typeof JOB_DUTY_ACTIONS)[number];
export const isJobDutyAction = (action: string): action is JobDutyAction => (JOB_DUTY_ACTIONS as readonly string[]).includes(action);

export const tx: AuditAreaText = createAreaText<AuditAreaKey>(i18n, id, en);
