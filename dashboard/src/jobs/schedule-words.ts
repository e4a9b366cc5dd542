import { createAreaText, type Lang } from "@kit/i18n.ts";
import { en, id, type JobsKey } from "./messages.ts";

/**
 * The shapes of cron expression the jobs use, read into what a person needs to know. Anything else
 * (a step on hours, ranges) is `null`: the page then shows the expression itself rather than guess.
 */
export type CronShape =
  | { kind: "every"; minutes: number }
  | { kind: "daily"; time: string }
  | { kind: "weekly"; weekdays: number[]; time: string }
  | { kind: "monthly"; day: number; time: string }
  | { kind: "yearly"; day: number; months: number[]; time: string };

const NUMBER = /^\d+$/;
const LIST = /^\d+(,\d+)*$/;

const pad = (n: number) => String(n).padStart(2, "0");

/** `m h dom mon dow` (the five-field form node-cron reads, in WITA) into one of the shapes above. */
export function readCron(expression: string): CronShape | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [min, hour, dom, mon, dow] = fields as [string, string, string, string, string];
  const every = /^\*\/(\d+)$/.exec(min);
  if (every && hour === "*" && dom === "*" && mon === "*" && dow === "*") return { kind: "every", minutes: Number(every[1]) };
  if (!NUMBER.test(min) || !NUMBER.test(hour) || Number(min) > 59 || Number(hour) > 23) return null;
  const time = `${pad(Number(hour))}:${pad(Number(min))}`;
  const list = (f: string) => f.split(",").map(Number);
  if (dom === "*" && mon === "*" && dow === "*") return { kind: "daily", time };
  if (dom === "*" && mon === "*" && LIST.test(dow)) {
    // cron's Sunday is 0 or 7; ISO's is 7.
    const weekdays = [...new Set(list(dow).map((d) => (d === 0 ? 7 : d)))].sort((a, b) => a - b);
    return weekdays.every((d) => d >= 1 && d <= 7) ? { kind: "weekly", weekdays, time } : null;
  }
  if (NUMBER.test(dom) && dow === "*" && Number(dom) >= 1 && Number(dom) <= 31) {
    if (mon === "*") return { kind: "monthly", day: Number(dom), time };
    if (LIST.test(mon) && list(mon).every((m) => m >= 1 && m <= 12)) return { kind: "yearly", day: Number(dom), months: list(mon), time };
  }
  return null;
}

const LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

/** ISO weekday (1 Monday … 7 Sunday) by name: 1 January 2024 was a Monday. */
const weekdayName = (d: number, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, d));
const monthName = (m: number, lang: Lang) => new Intl.DateTimeFormat(LOCALE[lang], { month: "long", timeZone: "UTC" }).format(Date.UTC(2024, m - 1, 1));

/** "Senin, Rabu dan Jumat": the last two joined by the language's "and". */
function joinNames(names: string[], and: string): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`;
}

/** Clock time as the language writes it: Indonesian "00.05", English "00:05". */
const clock = (time: string, lang: Lang) => (lang === "id" ? time.replace(":", ".") : time);

/**
 * A job's schedule in words, in WITA: "Setiap Senin pukul 00.10 WITA", "Every 10 minutes". An expression
 * of a shape it does not know comes back as it is.
 */
export function scheduleInWords(expression: string, lang: Lang): string {
  const shape = readCron(expression);
  if (!shape) return expression;
  const say = createAreaText<JobsKey>({ lang: { value: lang } }, id, en);
  const and = say("jobs.sched.and");
  switch (shape.kind) {
    case "every":
      return say("jobs.sched.every", { n: shape.minutes });
    case "daily":
      return say("jobs.sched.daily", { time: clock(shape.time, lang) });
    case "weekly":
      if (shape.weekdays.length === 7) return say("jobs.sched.daily", { time: clock(shape.time, lang) });
      return say("jobs.sched.weekly", { days: joinNames(shape.weekdays.map((d) => weekdayName(d, lang)), and), time: clock(shape.time, lang) });
    case "monthly":
      return say("jobs.sched.monthly", { day: shape.day, time: clock(shape.time, lang) });
    case "yearly":
      return say("jobs.sched.yearly", { day: shape.day, months: joinNames(shape.months.map((m) => monthName(m, lang)), and), time: clock(shape.time, lang) });
  }
}
