import type { StatsPeriod } from "@contract/rollups.ts";
import { t } from "../i18n/i18n.ts";
import { tx } from "./messages.ts";
import { MultiPick } from "./MultiPick.tsx";
import { kindOfKey, periodLastDay, periodStart } from "./periods.ts";
import { BIDANG, DEFAULT_FILTER, KERAWANAN_LEVELS, REPORT_KINDS, REPORT_STATUSES, STATS_PERIODS, type StatsFilter } from "./stats-query.ts";

interface Props {
  filter: StatsFilter;
  kecamatan: { kode: string; nama: string }[];
  onChange: (next: StatsFilter) => void;
}

/** A range bound as a date input shows it: a period key (from a shared link) as its first or last day. */
function asDay(bound: string, end: boolean): string {
  const kind = kindOfKey(bound);
  if (!kind) return "";
  return end ? periodLastDay(kind, bound) : periodStart(kind, bound);
}

/** The page's pickers; every change applies at once and lands in the URL. */
export function StatsFilters({ filter, kecamatan, onChange }: Props) {
  const set = (next: Partial<StatsFilter>) => onChange({ ...filter, ...next });
  return (
    <form class="filters stats-filters" role="search" aria-label={tx("stats.title")} onSubmit={(e) => e.preventDefault()}>
      <label class="stats-field">
        {tx("stats.granularity")}
        <select name="period" data-testid="stats-period" value={filter.period} onChange={(e) => set({ period: e.currentTarget.value as StatsPeriod })}>
          {STATS_PERIODS.map((p) => (
            <option key={p} value={p}>
              {tx(`stats.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="stats-field">
        {tx("stats.from")}
        <input type="date" name="from" data-testid="stats-from" value={asDay(filter.from, false)} onChange={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label class="stats-field">
        {tx("stats.to")}
        <input type="date" name="to" data-testid="stats-to" value={asDay(filter.to, true)} onChange={(e) => set({ to: e.currentTarget.value })} />
      </label>
      <MultiPick
        name="kecamatan"
        title={tx("stats.filterKecamatan")}
        options={kecamatan.map((k) => ({ value: k.kode, label: k.nama }))}
        chosen={filter.kecamatan}
        onChange={(v) => set({ kecamatan: v })}
      />
      <MultiPick name="bidang" title={tx("stats.filterBidang")} options={BIDANG.map((b) => ({ value: b, label: t(`bidang.${b}`) }))} chosen={filter.bidang} onChange={(v) => set({ bidang: v })} />
      <MultiPick
        name="kerawanan"
        title={tx("stats.filterKerawanan")}
        options={KERAWANAN_LEVELS.map((k) => ({ value: k, label: t(`kerawanan.${k}`) }))}
        chosen={filter.kerawanan}
        onChange={(v) => set({ kerawanan: v })}
      />
      <MultiPick name="status" title={tx("stats.filterStatus")} options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} chosen={filter.status} onChange={(v) => set({ status: v })} />
      <MultiPick name="kind" title={tx("stats.filterKind")} options={REPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} chosen={filter.kind} onChange={(v) => set({ kind: v })} />
      <button type="button" class="button-quiet" data-testid="stats-reset" onClick={() => onChange(DEFAULT_FILTER)}>
        {tx("stats.reset")}
      </button>
    </form>
  );
}
