import { periodLabel, periodOf, recentPeriods } from "../stats/periods.ts";
import { locale } from "../i18n/i18n.ts";
import { tx } from "./messages.ts";
import { SCORECARD_KINDS, type ScorecardKind, type ScorecardView } from "./scorecard-query.ts";
import { KecamatanOptions } from "../ui/KecamatanOptions.tsx";

const HOW_MANY: Record<ScorecardKind, number> = { week: 16, month: 13, quarter: 8 };

interface Props {
  view: ScorecardView;
  today: string;
  kecamatan: { kode: string; nama: string }[];
  onChange: (next: Pick<ScorecardView, "period" | "kecamatan" | "officer">) => void;
}

/** Period kind, period and kecamatan; a change applies at once (and closes an open drill-down). */
export function ScorecardFilters({ view, today, kecamatan, onChange }: Props) {
  const periods = recentPeriods(view.kind, today, HOW_MANY[view.kind]);
  // A shared link may name an older period than the list offers: it stays choosable.
  if (!periods.includes(view.period)) periods.push(view.period);
  const set = (next: Partial<ScorecardView>) => onChange({ period: view.period, kecamatan: view.kecamatan, officer: "", ...next });
  return (
    <form class="filters stats-filters" role="search" aria-label={tx("score.title")} onSubmit={(e) => e.preventDefault()}>
      <label class="stats-field">
        {tx("score.periodKind")}
        <select name="kind" data-testid="score-kind" value={view.kind} onChange={(e) => set({ period: periodOf(e.currentTarget.value as ScorecardKind, today) })}>
          {SCORECARD_KINDS.map((k) => (
            <option key={k} value={k}>
              {tx(`score.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="stats-field">
        {tx("score.period")}
        <select name="period" data-testid="score-period" value={view.period} onChange={(e) => set({ period: e.currentTarget.value })}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, locale.value)}
            </option>
          ))}
        </select>
      </label>
      <label class="stats-field">
        {tx("score.kecamatan")}
        <select name="kecamatan" data-testid="score-kecamatan" value={view.kecamatan} onChange={(e) => set({ kecamatan: e.currentTarget.value })}>
          <option value="">{tx("score.allKecamatan")}</option>
          <KecamatanOptions kecamatan={kecamatan} />
        </select>
      </label>
    </form>
  );
}
