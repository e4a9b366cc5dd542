import type { Bidang } from "@contract/reports.ts";
import type { DaySeason } from "../season.ts";

/**
 * One kind of event an officer reports, with the words of its Laporan Informasi: templates for the
 * perihal, each SIADIDEMENBABI fact and the pelapor's opinion, filled from vocabulary.ts (`{desa}`,
 * `{tokoh}`, `{jumlah}` …). A sub-category may have several topics (bencana: floods, fires, storms).
 */
export interface Topic {
  key: string;
  bidang: Bidang;
  /** One of DEFAULT_SUB_CATEGORIES[bidang]. */
  subCategory: string;
  /** Relative frequency on an ordinary day in an ordinary kecamatan. */
  weight: number;
  /** Multiplier for the season and the kecamatan (mining areas, the capital, river banks …). */
  boost?: (season: DaySeason, kecamatanKode: string) => number;
  /** Weights of rendah, sedang, tinggi, sangat_tinggi. */
  kerawanan: readonly [number, number, number, number];
  /** Probability the report is classified rahasia. */
  rahasia: number;
  /** Crowd size range, when there is a crowd (`{jumlah}` in the templates). */
  massa?: readonly [number, number];
  /** Probability of casualties, and their most. */
  korban?: readonly [number, number];
  /** Losses in Rupiah, min and max. */
  kerugian?: readonly [number, number];
  perihal: readonly string[];
  siapa: readonly string[];
  apa: readonly string[];
  denganApa: readonly string[];
  mengapa: readonly string[];
  bagaimana: readonly string[];
  analisa: readonly string[];
  prakiraan: readonly string[];
  langkah: readonly string[];
  saran: readonly string[];
}

/** Kecamatan codes of Balangan, by what they are known for (boost rules read these). */
export const KEC = {
  juai: "63.11.01",
  halong: "63.11.02",
  awayan: "63.11.03",
  batuMandi: "63.11.04",
  lampihong: "63.11.05",
  paringin: "63.11.06",
  paringinSelatan: "63.11.07",
  tebingTinggi: "63.11.08",
} as const;

/** Coal and oil-palm country: land disputes, labour, foreign workers. */
export const MINING: readonly string[] = [KEC.juai, KEC.halong, KEC.paringin, KEC.tebingTinggi, KEC.paringinSelatan];
/** Along the Balangan river and its tributaries: floods in the rains. */
export const RIVERSIDE: readonly string[] = [KEC.paringin, KEC.lampihong, KEC.batuMandi, KEC.awayan, KEC.juai, KEC.paringinSelatan];
/** Meratus foothills, Dayak Pitap and Dayak Deah communities, customary land. */
export const HIGHLANDS: readonly string[] = [KEC.halong, KEC.tebingTinggi];
