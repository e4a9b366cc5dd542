import type { ReportFilterInput, ReportCounts } from "@contract/report-queue.ts";
import { Bidang, Kerawanan, ReportStatus } from "@contract/reports.ts";
import { fromWitaLocalInput, toWitaLocalInput } from "@kit/wita.ts";
import { t } from "../i18n/i18n.ts";
import type { KecamatanCollection } from "../map/map-data.model.ts";
import { kecamatanOptions } from "../map/map-data.model.ts";
import { PERIODIC_KINDS, SITUATION_KINDS, tabOf, withFilter } from "./queue-filter.ts";
import { KecamatanOptions } from "../ui/KecamatanOptions.tsx";

interface Props {
  filter: ReportFilterInput;
  counts: ReportCounts | null;
  kecamatan: KecamatanCollection | null;
  onChange(filter: ReportFilterInput): void;
}

const first = (v: unknown) => ([v ?? []].flat()[0] as string | undefined) ?? "";
const list = (v: string) => (v ? [v] : undefined);
const localOf = (iso: unknown) => (typeof iso === "string" && iso ? toWitaLocalInput(Date.parse(iso)) : "");

/**
 * The queue's filters, all applied by the server and kept in the URL: the view (situation reports or the
 * periodic ones), status with its count, and the narrowing fields. A chip names a filter set elsewhere
 * (an author, a desa: from a report's detail) and removes it.
 */
export function QueueFilters({ filter, counts, kecamatan, onChange }: Props) {
  const tab = tabOf(filter);
  const set = <K extends keyof ReportFilterInput>(key: K, value: ReportFilterInput[K] | undefined) => onChange(withFilter(filter, key, value));
  const status = first(filter.status);
  const statusButton = (value: string, label: string, count: number | undefined) => (
    <button
      key={value || "all"}
      type="button"
      class="chip"
      aria-pressed={status === value}
      data-testid={`status-${value || "all"}`}
      onClick={() => set("status", list(value) as ReportFilterInput["status"])}
    >
      {label}
      {count !== undefined ? <span class="chip-count">{count}</span> : null}
    </button>
  );
  const total = counts ? Object.values(counts.byStatus).reduce((a, b) => a + b, 0) : undefined;

  return (
    <div class="queue-filters" data-testid="queue-filters">
      <div class="chips" role="group" aria-label={t("queue.view")}>
        {(["situation", "periodic"] as const).map((v) => (
          <button
            key={v}
            type="button"
            class="chip chip--tab"
            aria-pressed={tab === v}
            data-testid={`tab-${v}`}
            onClick={() => set("kind", [...(v === "situation" ? SITUATION_KINDS : PERIODIC_KINDS)])}
          >
            {t(v === "situation" ? "queue.tabSituation" : "queue.tabPeriodic")}
          </button>
        ))}
      </div>
      <div class="chips" role="group" aria-label={t("queue.status")}>
        {statusButton("", t("common.all"), total)}
        {ReportStatus.options.map((s) => statusButton(s, t(`status.${s}`), counts?.byStatus[s]))}
      </div>
      <form
        class="queue-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get("q") ?? "").trim();
          set("q", q || undefined);
        }}
      >
        <input name="q" type="search" aria-label={t("queue.search")} placeholder={t("queue.search")} defaultValue={filter.q ?? ""} key={filter.q ?? ""} data-testid="queue-q" />
        <button type="submit" class="button-quiet">
          {t("common.search")}
        </button>
      </form>
      <details class="queue-more">
        <summary>{t("queue.moreFilters")}</summary>
        <div class="queue-grid">
          <label>
            {t("queue.bidang")}
            <select value={first(filter.bidang)} onChange={(e) => set("bidang", list(e.currentTarget.value) as ReportFilterInput["bidang"])}>
              <option value="">{t("common.all")}</option>
              {Bidang.options.map((b) => (
                <option key={b} value={b}>
                  {t(`bidang.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("queue.subCategory")}
            <input value={filter.subCategory ?? ""} onChange={(e) => set("subCategory", e.currentTarget.value.trim() || undefined)} />
          </label>
          <label>
            {t("queue.kerawanan")}
            <select value={first(filter.kerawanan)} data-testid="queue-kerawanan" onChange={(e) => set("kerawanan", list(e.currentTarget.value) as ReportFilterInput["kerawanan"])}>
              <option value="">{t("common.all")}</option>
              {Kerawanan.options.map((k) => (
                <option key={k} value={k}>
                  {t(`kerawanan.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("queue.kecamatan")}
            <select value={first(filter.kecamatan)} onChange={(e) => set("kecamatan", list(e.currentTarget.value))}>
              <option value="">{t("common.all")}</option>
              <KecamatanOptions kecamatan={kecamatanOptions(kecamatan)} />
            </select>
          </label>
          <label>
            {t("queue.time")}
            <select value={filter.time ?? "received"} onChange={(e) => set("time", e.currentTarget.value as "received" | "occurred")}>
              <option value="received">{t("queue.timeReceived")}</option>
              <option value="occurred">{t("queue.timeOccurred")}</option>
            </select>
          </label>
          <label>
            {t("queue.from")}
            <input type="datetime-local" value={localOf(filter.from)} onChange={(e) => set("from", fromWitaLocalInput(e.currentTarget.value) ?? undefined)} />
          </label>
          <label>
            {t("queue.to")}
            <input type="datetime-local" value={localOf(filter.to)} onChange={(e) => set("to", fromWitaLocalInput(e.currentTarget.value) ?? undefined)} />
          </label>
          <label class="queue-check">
            <input type="checkbox" checked={filter.flagged === "true"} onChange={(e) => set("flagged", e.currentTarget.checked ? "true" : undefined)} />
            {t("queue.flagged")}
          </label>
        </div>
      </details>
      <FilterChips filter={filter} onChange={onChange} />
    </div>
  );
}

/** Filters without a field of their own (set from a report's detail): shown so they can be removed. */
function FilterChips({ filter, onChange }: Pick<Props, "filter" | "onChange">) {
  const chips: { key: "author" | "desa"; label: string }[] = [];
  if (filter.author) chips.push({ key: "author", label: t("queue.chipAuthor") });
  if (filter.desa) chips.push({ key: "desa", label: t("queue.chipDesa", { kode: [filter.desa].flat().join(", ") }) });
  if (!chips.length) return null;
  return (
    <div class="chips">
      {chips.map((c) => (
        <button key={c.key} type="button" class="chip" aria-label={t("queue.removeFilter", { name: c.label })} onClick={() => onChange(withFilter(filter, c.key, undefined))}>
          {c.label} ✕
        </button>
      ))}
    </div>
  );
}
