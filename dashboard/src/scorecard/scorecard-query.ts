import { kindOfKey, periodOf } from "../stats/periods.ts";

/** The period kinds the scorecard offers. */
export const SCORECARD_KINDS = ["week", "month", "quarter"] as const;
export type ScorecardKind = (typeof SCORECARD_KINDS)[number];

/** What the scorecard shows, all in the URL so a view can be shared: period, kecamatan, the officer opened. */
export interface ScorecardView {
  /** A week, month or quarter key; the current month when the link names none. */
  period: string;
  kind: ScorecardKind;
  kecamatan: string;
  /** The officer whose duties and reports are open below the table; empty: none. */
  officer: string;
}

const KECAMATAN = /^63\.11\.0[1-8]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The view a link names, `today` (WITA) deciding the default period; what a link gets wrong is dropped. */
export function parseScorecardQuery(search: string, today: string): ScorecardView {
  const q = new URLSearchParams(search);
  const raw = q.get("period") ?? "";
  const kind = kindOfKey(raw);
  const ok = kind !== null && kind !== "day";
  const kecamatan = q.get("kecamatan") ?? "";
  const officer = q.get("officer") ?? "";
  return {
    period: ok ? raw : periodOf("month", today),
    kind: ok ? (kind as ScorecardKind) : "month",
    kecamatan: KECAMATAN.test(kecamatan) ? kecamatan : "",
    officer: UUID.test(officer) ? officer : "",
  };
}

/** The URL query of a view (`?period=2026-W48&kecamatan=…&officer=…`). */
export function scorecardQueryString(v: Pick<ScorecardView, "period" | "kecamatan" | "officer">): string {
  const q = new URLSearchParams();
  q.set("period", v.period);
  if (v.kecamatan) q.set("kecamatan", v.kecamatan);
  if (v.officer) q.set("officer", v.officer);
  return `?${q.toString()}`;
}
