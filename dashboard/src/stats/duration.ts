/**
 * A length of time short enough for a table cell: "45 dtk", "12 mnt", "3 j 20 mnt", "2 h 4 j" (English:
 * "45 s", "12 min", "3 h 20 min", "2 d 4 h"). Two units at most: a median is an estimate within ~9 %.
 */
export function formatDuration(seconds: number | null, lang: "id" | "en"): string {
  if (seconds === null) return "—";
  const u = lang === "en" ? { s: "s", m: "min", h: "h", d: "d" } : { s: "dtk", m: "mnt", h: "j", d: "h" };
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} ${u.s}`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} ${u.m}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} ${u.h} ${minutes % 60} ${u.m}` : `${hours} ${u.h}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ${u.d} ${hours % 24} ${u.h}` : `${days} ${u.d}`;
}
