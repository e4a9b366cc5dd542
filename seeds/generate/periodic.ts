import { Bidang, type Kerawanan, type SubmitReportInput } from "@contract/reports.ts";
import { bulanTahun, dailyPeriod, isoWita, monthlyPeriod, tanggal, weeklyPeriod } from "./calendar.ts";
import { top, type Tally } from "./ledger.ts";
import type { Point } from "./places.ts";
import type { Random } from "./random.ts";
import { KERAWANAN } from "./situation.ts";

/**
 * The officers' daily, weekly and monthly reports, written from what they reported in the period (the
 * ledger's tally): the numbers add up, the events named are their own situation reports.
 */

export type PeriodicInput = Extract<SubmitReportInput, { kind: "daily" | "weekly" | "monthly" }>;

export interface PeriodicDraft {
  clientId: string;
  kind: "daily" | "weekly" | "monthly";
  /** First and last day (WITA day numbers) of the period. */
  from: number;
  to: number;
  sentAt: number;
  point: Point;
  kecNama: string;
  tally: Tally;
  /** The tally of the period before, for the weekly trend. */
  previous?: Tally;
}

const KERAWANAN_LABEL: Record<Kerawanan, string> = { rendah: "rendah", sedang: "sedang", tinggi: "tinggi", sangat_tinggi: "sangat tinggi" };

const AGENDA = [
  "Menghadiri rapat koordinasi Forkopimcam {kec}.", "Pemantauan harga bahan pokok di pasar kecamatan.", "Pemantauan kegiatan keagamaan dan keramaian warga.",
  "Silaturahmi dengan tokoh masyarakat dan kepala desa.", "Pemantauan lokasi yang dilaporkan kemarin.", "Patroli bersama Babinsa dan Bhabinkamtibmas.",
];
const RECOMMENDATIONS = [
  "Meningkatkan koordinasi dengan unsur Muspika dan aparat desa.", "Deteksi dini dan cegah dini di desa-desa rawan.",
  "Mengaktifkan siskamling dan forum kewaspadaan dini masyarakat.", "Tindak lanjut oleh instansi teknis atas laporan yang menonjol.",
];

/** The gravest level seen, one step milder (a periodic report summarises; it is not itself the alarm). */
function summaryKerawanan(t: Tally): Kerawanan {
  const worst = KERAWANAN.reduce((w, k, i) => ((t.byKerawanan[k] ?? 0) > 0 ? i : w), 0);
  return KERAWANAN[Math.max(0, Math.min(2, worst - 1))]!;
}

function counts(t: Tally): Record<string, number> {
  const out: Record<string, number> = { total: t.count };
  for (const b of Bidang.options) out[b] = t.byBidang[b] ?? 0;
  for (const k of KERAWANAN) out[`kerawanan ${KERAWANAN_LABEL[k]}`] = t.byKerawanan[k] ?? 0;
  return out;
}

function bidangLine(t: Tally, b: Bidang, fallback: string): string {
  const n = t.byBidang[b] ?? 0;
  if (!n) return fallback;
  const named = t.examples.filter((e) => e.bidang === b).slice(0, 2).map((e) => e.perihal);
  return `${n} laporan${named.length ? `, antara lain: ${named.join("; ")}` : ""}.`;
}

function hotspots(t: Tally): string {
  const spots = top(t.byDesa, 3);
  return spots.length ? spots.map(([desa, n]) => `${desa} (${n} laporan)`).join(", ") : "Tidak ada";
}

function common(d: PeriodicDraft, rng: Random) {
  return {
    clientId: d.clientId,
    classification: "biasa" as const,
    kerawanan: summaryKerawanan(d.tally),
    occurredAt: isoWita(d.sentAt - rng.int(1, 40) * 60_000),
    sentAt: isoWita(d.sentAt),
    location: { lat: d.point.lat, lng: d.point.lng, accuracyM: rng.int(4, 25), source: "gps" as const },
    photos: [],
  };
}

export function periodicInput(d: PeriodicDraft, rng: Random): PeriodicInput {
  const t = d.tally;
  const kec = `Kecamatan ${d.kecNama}`;
  const gravest = t.examples[0];
  const potensi = gravest && gravest.kerawanan !== "rendah" ? `Perlu diwaspadai: ${gravest.perihal}.` : "Tidak ada potensi masalah yang menonjol.";
  if (d.kind === "daily") {
    return {
      kind: "daily",
      ...common(d, rng),
      perihal: `Laporan harian ${tanggal(d.from)} — ${kec}`,
      period: dailyPeriod(d.from),
      body: {
        situasiUmum: t.count ? "ada-kejadian" : "aman-kondusif",
        perBidang: Object.fromEntries(Bidang.options.map((b) => [b, bidangLine(t, b, "nihil")])) as Record<Bidang, string>,
        kejadianMenonjol: t.examples.filter((e) => e.kerawanan === "tinggi" || e.kerawanan === "sangat_tinggi").map((e) => e.id).slice(0, 50),
        jumlahKejadian: t.count,
        agendaBesok: rng.pick(AGENDA).replace("{kec}", d.kecNama),
        potensiMasalah: potensi,
        rekomendasi: rng.pick(RECOMMENDATIONS),
      },
    };
  }
  const issues = top(t.bySubCategory, 2).map(([s, n]) => `${s} (${n})`).join(", ") || "Tidak ada isu menonjol";
  if (d.kind === "weekly") {
    const before = d.previous?.count ?? 0;
    const trend = t.count > before ? "meningkat" : t.count < before ? "menurun" : "sama";
    return {
      kind: "weekly",
      ...common(d, rng),
      perihal: `Laporan mingguan ${tanggal(d.from)}–${tanggal(d.to)} — ${kec}`,
      period: weeklyPeriod(d.from),
      body: {
        tallies: counts(t),
        trend: `Jumlah laporan ${trend} dibanding minggu sebelumnya (${before} → ${t.count}).`,
        isuMenonjol: issues,
        hotspots: hotspots(t),
        prakiraan: t.count ? "Situasi secara umum terkendali; isu menonjol masih perlu dipantau pekan depan." : "Situasi diperkirakan tetap aman dan kondusif.",
        rekomendasi: rng.pick(RECOMMENDATIONS),
      },
    };
  }
  return {
    kind: "monthly",
    ...common(d, rng),
    perihal: `Laporan bulanan ${bulanTahun(d.from)} — ${kec}`,
    period: monthlyPeriod(d.from),
    body: {
      statistik: counts(t),
      athg: Object.fromEntries(Bidang.options.map((b) => [b, bidangLine(t, b, "")])) as Record<Bidang, string>,
      kejadianMenonjol: t.examples.slice(0, 3).map((e) => `${e.perihal} (${KERAWANAN_LABEL[e.kerawanan]})`).join("\n"),
      prakiraan: `Isu yang diperkirakan masih berkembang: ${issues}.`,
      saran: rng.pick(RECOMMENDATIONS),
    },
  };
}

const CORRECTIONS = [
  "Ralat: jumlah kejadian disesuaikan setelah rekapitulasi dengan Polsek.",
  "Ralat: nama desa pada salah satu kejadian diperbaiki.",
  "Tambahan: hasil rapat koordinasi Forkopimcam dilampirkan dalam uraian.",
];

/** The same period sent again by its author after it was verified: an amendment, new client id. */
export function amendedPeriodic(first: PeriodicInput, clientId: string, sentAt: number, rng: Random): PeriodicInput {
  const correction = rng.pick(CORRECTIONS);
  const common = { clientId, sentAt: isoWita(sentAt) };
  if (first.kind === "monthly") return { ...first, ...common, body: { ...first.body, saran: `${first.body.saran}\n\n${correction}`.trim() } };
  if (first.kind === "weekly") return { ...first, ...common, body: { ...first.body, rekomendasi: `${first.body.rekomendasi}\n\n${correction}`.trim() } };
  return { ...first, ...common, body: { ...first.body, rekomendasi: `${first.body.rekomendasi}\n\n${correction}`.trim() } };
}
