import { formatWitaDay, WITA_ZONE } from "@kit/wita.ts";

/** "Senin, 2 Maret 2026, 14.05 WITA": the publication moment as Balangan reads it, whatever the viewer's zone. */
export function publishedWords(iso: string, locale: string): string {
  const ms = Date.parse(iso);
  const time = new Intl.DateTimeFormat(locale, { timeZone: WITA_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
  return `${formatWitaDay(ms, locale)}, ${time} WITA`;
}
