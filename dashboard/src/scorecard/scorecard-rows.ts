import type { ScorecardCounts } from "@contract/duties.ts";

/** How an officer's (or a kecamatan's) reporting went: shown as a colour *and* a word. */
export type Tone = "good" | "warn" | "bad" | "none";

export interface Compliance {
  /** Duties whose deadline has passed or that were met: on time + late + missing. */
  judged: number;
  /** onTime ÷ judged; null while nothing is judged. */
  onTimeRate: number | null;
  tone: Tone;
}

/**
 * The scorecard's rating of a row. Only judged duties count (a duty still pending says nothing yet):
 * good at 90 % on time or more with nothing missing; poor under 60 % on time or with more than a
 * quarter missing; in between, needs attention.
 */
export function complianceOf(c: Pick<ScorecardCounts, "onTime" | "late" | "missing">): Compliance {
  const judged = c.onTime + c.late + c.missing;
  if (!judged) return { judged, onTimeRate: null, tone: "none" };
  const onTimeRate = c.onTime / judged;
  const tone: Tone = onTimeRate >= 0.9 && c.missing === 0 ? "good" : onTimeRate < 0.6 || c.missing / judged > 0.25 ? "bad" : "warn";
  return { judged, onTimeRate, tone };
}

/** A rate as a whole percentage ("83 %" / "83%" by locale); "—" when there is none. */
export function formatRate(rate: number | null, locale: string): string {
  return rate === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);
}
