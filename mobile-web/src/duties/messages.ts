import { createAreaText } from "@kit/i18n.ts";
import { i18n } from "../i18n/i18n.ts";

/** The home screen's duty reminders. */
export const id = {
  "duty.title": "Kewajiban lapor",
  "duty.daily": "Laporan harian",
  "duty.dailyToday": "Laporan harian hari ini",
  "duty.weekly": "Laporan mingguan",
  "duty.monthly": "Laporan bulanan",
  "duty.byToday": "batas {time} WITA",
  "duty.byTomorrow": "batas besok {time} WITA",
  "duty.byLater": "batas {day} {time} WITA",
  "duty.overdue": "terlambat — batas {when} sudah lewat, kirim sekarang",
  "duty.done": "sudah dikirim",
  "duty.waiting": "tersimpan, menunggu dikirim",
  "duty.write": "Buat sekarang",
} as const;
export type DutyKey = keyof typeof id;

export const en: Record<DutyKey, string> = {
  "duty.title": "Reports owed",
  "duty.daily": "Daily report",
  "duty.dailyToday": "Today's daily report",
  "duty.weekly": "Weekly report",
  "duty.monthly": "Monthly report",
  "duty.byToday": "due {time} WITA",
  "duty.byTomorrow": "due tomorrow {time} WITA",
  "duty.byLater": "due {day} {time} WITA",
  "duty.overdue": "late — the deadline {when} has passed, send it now",
  "duty.done": "sent",
  "duty.waiting": "saved, waiting to be sent",
  "duty.write": "Write it now",
};

export const tx = createAreaText(i18n, id, en);
