import { createAreaText } from "@kit/i18n.ts";
import { i18n } from "../i18n/i18n.ts";

/** The periodic forms' own strings (they ship in the form's chunk). */
export const id = {
  "draft.loading": "Menyusun draf dari laporan Anda periode ini…",
  "draft.skip": "Isi tanpa draf",
  "draft.compiled": "Draf disusun dari {situations} laporan situasi dan {dailies} laporan harian Anda ({range}). Periksa dan lengkapi sebelum menyimpan.",
  "draft.highest": "Kerawanan tertinggi periode ini: {level}.",
  "draft.unavailable": "Draf tidak dapat disusun (tidak ada sinyal atau server tidak menjawab): formulir dibuka kosong.",
  "draft.otherPeriod": "Draf disusun untuk {range}; periode sekarang lain.",
  "draft.recompile": "Susun draf untuk periode ini",
  "stamp.note": "Waktu dan tingkat kerawanan laporan ini diisi otomatis: akhir periode dan kerawanan tertinggi laporan situasi Anda ({level}).",
} as const;
export type PeriodicKey = keyof typeof id;

export const en: Record<PeriodicKey, string> = {
  "draft.loading": "Compiling a draft from your reports of this period…",
  "draft.skip": "Fill in without a draft",
  "draft.compiled": "Draft compiled from {situations} situation reports and {dailies} daily reports of yours ({range}). Check and complete it before saving.",
  "draft.highest": "Highest kerawanan this period: {level}.",
  "draft.unavailable": "The draft could not be compiled (no signal, or no answer from the server): the form opens empty.",
  "draft.otherPeriod": "The draft was compiled for {range}; the period is now another.",
  "draft.recompile": "Compile a draft for this period",
  "stamp.note": "This report's time and kerawanan are filled in for you: the end of the period and the highest kerawanan of your situation reports ({level}).",
};

export const tx = createAreaText(i18n, id, en);
