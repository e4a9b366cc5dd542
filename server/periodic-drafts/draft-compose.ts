import { formatIdDay, formatIdRange, highestKerawanan, NOTABLE_KERAWANAN, periodicTitle, type DatedText, type NotableIncident, type PeriodBounds, type PeriodicDraft } from "@contract/periodic-drafts.ts";
import { Bidang, Kerawanan, REPORT_LIMITS } from "@contract/reports.ts";
import type { OwnDailyRow, OwnSituationRow } from "./periodic-drafts.repo.ts";

/**
 * A weekly or monthly draft from the period's own reports: counts, notable incidents, the dailies' agenda
 * and potential problems, and the body prefilled with text in Indonesian the officer edits. Pure: the
 * service reads, this writes.
 */

export interface DraftSources {
  kind: "weekly" | "monthly";
  period: string;
  bounds: PeriodBounds;
  situations: OwnSituationRow[];
  dailies: OwnDailyRow[];
  /** Situation reports of the period before (for the trend). */
  previousSituations: number;
}

const BIDANG_NAMES: Record<Bidang, string> = {
  ideologi: "ideologi",
  politik: "politik",
  ekonomi: "ekonomi",
  "sosial-budaya": "sosial budaya",
  "pertahanan-keamanan": "pertahanan dan keamanan",
};
const KERAWANAN_NAMES: Record<Kerawanan, string> = { rendah: "rendah", sedang: "sedang", tinggi: "tinggi", sangat_tinggi: "sangat tinggi" };
/** At most this many lines per list: a month of an active kecamatan would otherwise drown the form. */
const MAX_LINES = 40;
const NIHIL = "Nihil.";

const witaDayOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const shortDay = (day: string) => formatIdDay(day, false);

/** Text cut to a contract limit, on a line boundary when there is one. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 2);
  const lastLine = cut.lastIndexOf("\n");
  return `${lastLine > max / 2 ? cut.slice(0, lastLine) : cut}\n…`;
}

function lines(items: string[]): string {
  if (!items.length) return NIHIL;
  const shown = items.slice(0, MAX_LINES).map((l) => `- ${l}`);
  if (items.length > MAX_LINES) shown.push(`- … dan ${items.length - MAX_LINES} lainnya`);
  return shown.join("\n");
}

function countBy<K extends string>(keys: readonly K[], values: K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v]++;
  return out;
}

/** "politik 2, ekonomi 1" — only what is there. */
function nonZero<K extends string>(counts: Record<K, number>, names: Record<K, string>): string {
  return (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${names[k]} ${n}`)
    .join(", ");
}

/** Each distinct non-empty text of the dailies, with the day of its first report. */
function gather(dailies: OwnDailyRow[], pick: (d: OwnDailyRow) => string | null): DatedText[] {
  const seen = new Set<string>();
  const out: DatedText[] = [];
  for (const d of dailies) {
    const text = (pick(d) ?? "").trim();
    if (!text || seen.has(text) || text.toLowerCase() === "nihil") continue;
    seen.add(text);
    out.push({ day: d.period, text });
  }
  return out;
}

function incidentLine(s: OwnSituationRow): string {
  const where = s.desa ? `, Desa ${s.desa}` : "";
  return `${shortDay(witaDayOf(s.occurred_at))} · ${s.perihal} (kerawanan ${KERAWANAN_NAMES[s.kerawanan]}${where})`;
}

function trendText(src: DraftSources, byBidang: Record<Bidang, number>, byKerawanan: Record<Kerawanan, number>): string {
  const span = src.kind === "weekly" ? "minggu" : "bulan";
  const range = formatIdRange(src.bounds.firstDay, src.bounds.lastDay);
  const n = src.situations.length;
  const dailies = `${src.dailies.length} laporan harian`;
  const head = n
    ? `Selama ${range} tercatat ${n} laporan situasi (${nonZero(byBidang, BIDANG_NAMES)}; kerawanan ${nonZero(byKerawanan, KERAWANAN_NAMES)}) dan ${dailies}.`
    : `Selama ${range} tidak ada laporan situasi; tercatat ${dailies}. Situasi umum aman dan kondusif.`;
  const prev = src.previousSituations;
  const change = n > prev ? `naik dari ${prev}` : n < prev ? `turun dari ${prev}` : `sama dengan`;
  return `${head} Jumlah laporan situasi ${change} ${span} sebelumnya${n === prev ? ` (${prev})` : ""}.`;
}

/** Desa with the most situation reports, busiest first. */
function hotspotText(situations: OwnSituationRow[]): string {
  const byDesa = new Map<string, number>();
  for (const s of situations) if (s.desa) byDesa.set(s.desa, (byDesa.get(s.desa) ?? 0) + 1);
  const top = [...byDesa].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  return top.length ? top.map(([desa, n]) => `Desa ${desa} (${n} laporan)`).join(", ") : "Tidak ada wilayah yang menonjol.";
}

function prakiraanText(potensi: DatedText[], agenda: DatedText[]): string {
  const parts: string[] = [];
  if (potensi.length) parts.push(`Potensi masalah dari laporan harian:\n${lines(potensi.map((p) => `${shortDay(p.day)}: ${p.text}`))}`);
  if (agenda.length) parts.push(`Agenda yang tercatat:\n${lines(agenda.map((a) => `${shortDay(a.day)}: ${a.text}`))}`);
  return parts.join("\n\n");
}

export function composeDraft(src: DraftSources): PeriodicDraft {
  const byBidang = countBy(Bidang.options, src.situations.map((s) => s.bidang));
  const byKerawanan = countBy(Kerawanan.options, src.situations.map((s) => s.kerawanan));
  const notableRows = src.situations.filter((s) => NOTABLE_KERAWANAN.includes(s.kerawanan));
  const notable: NotableIncident[] = notableRows.map((s) => ({
    id: s.id,
    number: s.number,
    perihal: s.perihal,
    bidang: s.bidang,
    kerawanan: s.kerawanan,
    occurredAt: s.occurred_at.toISOString(),
    day: witaDayOf(s.occurred_at),
    desa: s.desa,
  }));
  const agenda = gather(src.dailies, (d) => d.agenda_besok);
  const potensiMasalah = gather(src.dailies, (d) => d.potensi_masalah);
  const text = (s: string, max: number = REPORT_LIMITS.textMax) => clip(s, max);
  const notableText = text(lines(notableRows.map(incidentLine)));
  const prakiraan = text(prakiraanText(potensiMasalah, agenda));
  const common = {
    period: src.period,
    firstDay: src.bounds.firstDay,
    lastDay: src.bounds.lastDay,
    title: periodicTitle(src.kind, src.period),
    situations: src.situations.length,
    dailies: src.dailies.length,
    byBidang,
    byKerawanan,
    highestKerawanan: highestKerawanan(src.situations.map((s) => s.kerawanan)),
    notable,
    agenda,
    potensiMasalah,
  };
  if (src.kind === "weekly")
    return {
      kind: "weekly",
      ...common,
      body: {
        tallies: { ...byBidang },
        trend: text(trendText(src, byBidang, byKerawanan)),
        isuMenonjol: notableText,
        hotspots: text(hotspotText(src.situations)),
        prakiraan,
        rekomendasi: "",
      },
    };
  // ATHG per bidang: the bidang's own situation reports, one line each (the athg fields are shorter).
  const athg = Object.fromEntries(
    Bidang.options.map((b) => [b, text(lines(src.situations.filter((s) => s.bidang === b).map(incidentLine)), 5_000)]),
  ) as Record<Bidang, string>;
  return {
    kind: "monthly",
    ...common,
    body: { statistik: { ...byBidang }, athg, kejadianMenonjol: notableText, prakiraan, saran: "" },
  };
}
