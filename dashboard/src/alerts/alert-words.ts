import type { AlertView } from "@contract/alerts.ts";
import { Kerawanan } from "@contract/reports.ts";
import { createAreaText, type Lang } from "@kit/i18n.ts";
import { formatStamp } from "@kit/wita.ts";
import { en, id, type AlertsKey } from "./messages.ts";

const LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

type Say = (key: AlertsKey, params?: Record<string, string | number>) => string;

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);

/** A chance as people read it: "0,12%", and "< 0,01%" below what two decimals can show. */
export function chanceInWords(p: number, lang: Lang): string {
  const pct = new Intl.NumberFormat(LOCALE[lang], { style: "percent", maximumSignificantDigits: 2 });
  return p < 0.0001 ? `< ${new Intl.NumberFormat(LOCALE[lang], { style: "percent", minimumFractionDigits: 2 }).format(0.0001)}` : pct.format(p);
}

/** Each rule's numbers as sentences; null when the metrics are not the shape this page knows. */
function ruleSentences(alert: AlertView, say: Say, lang: Lang, timeZone: string | undefined): string[] | null {
  const m = alert.metrics;
  const fmt = (n: number, digits = 1) => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(n);
  switch (alert.rule) {
    case "critical": {
      const kerawanan = Kerawanan.safeParse(m.kerawanan).data ?? null;
      const korban = num(m.korban);
      if (!kerawanan || korban === null) return null;
      const level = say(`alerts.kerawanan.${kerawanan}` as AlertsKey);
      return [`${say("alerts.metric.critical", { kerawanan: level })}, ${korban > 0 ? say("alerts.metric.korban", { n: korban }) : say("alerts.metric.noKorban")}`];
    }
    case "spike": {
      const [count, expected, p, base] = [num(m.count), num(m.expected), num(m.p), num(m.baselineReports)];
      if (count === null || expected === null || typeof m.window !== "string") return null;
      const windowKey = `alerts.metric.window.${m.window}` as AlertsKey;
      const window = windowKey in id ? say(windowKey) : m.window;
      const lines = [say("alerts.metric.spike", { count, window, expected: fmt(expected) })];
      if (base !== null) lines.push(say("alerts.metric.spikeBase", { n: base }));
      if (p !== null) lines.push(say("alerts.metric.spikeP", { p: chanceInWords(p, lang) }));
      return lines;
    }
    case "hotspot": {
      const [reports, radiusM, hours] = [num(m.reports), num(m.radiusM), num(m.windowHours)];
      if (reports === null || radiusM === null || hours === null) return null;
      return [say("alerts.metric.hotspot", { n: reports, km: fmt(radiusM / 1000), hours })];
    }
    case "silence": {
      const hours = num(m.silentHours);
      if (hours === null) return null;
      const lines = [say("alerts.metric.silence", { hours })];
      if (typeof m.lastReportAt === "string" && Number.isFinite(Date.parse(m.lastReportAt)))
        lines.push(say("alerts.metric.lastReport", { when: formatStamp(m.lastReportAt, LOCALE[lang], timeZone) }));
      return lines;
    }
  }
}

/**
 * What an alert is about, in the reader's language: "7 laporan dalam 24 jam terakhir; biasanya sekitar
 * 0,4". Metrics of a shape this page does not know (a newer server) are listed as they are rather than
 * hidden.
 */
export function metricsInWords(alert: AlertView, lang: Lang, timeZone?: string): string[] {
  const say = createAreaText<AlertsKey>({ lang: { value: lang } }, id, en);
  return ruleSentences(alert, say, lang, timeZone) ?? Object.entries(alert.metrics).map(([k, v]) => `${k}: ${v}`);
}
