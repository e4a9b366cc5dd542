import type { Kerawanan } from "@contract/reports.ts";

/** Tingkat kerawanan colours, the ones officers know from paper maps: green, yellow, red, dark red. */
export const KERAWANAN_COLORS: Record<Kerawanan, string> = {
  rendah: "#2e7d32",
  sedang: "#f9a825",
  tinggi: "#c62828",
  sangat_tinggi: "#6a0000",
};

/** Text colour that stays readable on each badge colour (yellow needs dark text). */
export const KERAWANAN_TEXT: Record<Kerawanan, string> = {
  rendah: "#ffffff",
  sedang: "#1a1a1a",
  tinggi: "#ffffff",
  sangat_tinggi: "#ffffff",
};

export const KERAWANAN_LEVELS = Object.keys(KERAWANAN_COLORS) as Kerawanan[];
