import { locale } from "../i18n/i18n.ts";

const DEFAULT_ZONE = "Asia/Makassar";
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date-time as Balangan reads it, e.g. "12 Mei 14.05 WITA": always in the server's zone (WITA), not
 * the viewer's, so a screen in Jakarta shows the same time as a phone in Paringin.
 */
export function formatLocalTime(iso: string | null | undefined, timeZone = DEFAULT_ZONE, withYear = false): string {
  if (!iso) return "—";
  const key = `${locale.value}|${timeZone}|${withYear}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale.value, {
      timeZone,
      day: "numeric",
      month: "short",
      year: withYear ? "numeric" : undefined,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, fmt);
  }
  const suffix = timeZone === DEFAULT_ZONE ? " WITA" : "";
  return fmt.format(new Date(iso)) + suffix;
}
