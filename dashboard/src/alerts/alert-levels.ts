import type { AlertLevel, KecamatanAlertLevel } from "@contract/alerts.ts";

/**
 * Alert level colours as Indonesian warning systems use them (BMKG, BNPB): normal green, waspada
 * yellow, siaga orange, awas red. Every use also says the level in words: colour is never the only cue.
 */
export const LEVEL_COLORS: Record<AlertLevel, string> = {
  normal: "#2e7d32",
  waspada: "#f9a825",
  siaga: "#ef6c00",
  awas: "#c62828",
};

/** Text that stays readable on each colour (yellow and orange need dark text to reach 4.5:1). */
export const LEVEL_TEXT: Record<AlertLevel, string> = {
  normal: "#ffffff",
  waspada: "#1a1a1a",
  siaga: "#1a1a1a",
  awas: "#ffffff",
};

export const ALERT_LEVELS = Object.keys(LEVEL_COLORS) as AlertLevel[];

/** How strongly a kecamatan is filled on the map: a normal one barely, so the tiles show through. */
const FILL_OPACITY: Record<AlertLevel, number> = { normal: 0.04, waspada: 0.3, siaga: 0.38, awas: 0.45 };

/** The Leaflet style of a kecamatan at this level; the class names let tests and CSS find it. */
export function levelStyle(level: AlertLevel, kode: string) {
  return {
    color: LEVEL_COLORS[level],
    weight: level === "normal" ? 0 : 2,
    fillColor: LEVEL_COLORS[level],
    fillOpacity: FILL_OPACITY[level],
    className: `alert-level alert-level--${level} ${kecamatanClass(kode)}`,
  };
}

/** A class naming the kecamatan (`63.11.06` → `alert-kec-63-11-06`): a code's dots do not fit a selector. */
export const kecamatanClass = (kode: string) => `alert-kec-${kode.replace(/\./g, "-")}`;

/** Each kecamatan's level by code; a kecamatan the server did not list is normal. */
export function levelsByKode(levels: readonly KecamatanAlertLevel[]): ReadonlyMap<string, KecamatanAlertLevel> {
  return new Map(levels.map((l) => [l.kecamatanKode, l]));
}

export const levelOf = (levels: ReadonlyMap<string, KecamatanAlertLevel>, kode: string): AlertLevel => levels.get(kode)?.level ?? "normal";
