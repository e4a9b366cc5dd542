import "./facilities.css";
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { FacilityView } from "@contract/facilities.ts";
import { FACILITY_TYPES, type FacilityTypeName } from "@contract/facility-types.ts";
import { t } from "../i18n/i18n.ts";
import { PageNotices, useNotice } from "../ui/notice.tsx";
import { Table } from "../ui/Table.tsx";
import { PAGE_SIZE } from "./facilities.model.ts";
import { FacilityForm } from "./FacilityForm.tsx";
import { FacilityImport } from "./FacilityImport.tsx";
import { tx, typeLabel } from "./messages.ts";
import { models } from "./models.ts";
import { KecamatanOptions } from "../ui/KecamatanOptions.tsx";

/** Facilities for admins: filters and table, a form with the map picker, and the CSV import. */
export function FacilitiesPage() {
  const { facilities, mapData } = models;
  // "new", a facility being edited, or none; the form remounts per target (its draft starts from it).
  const editing = useSignal<FacilityView | "new" | null>(null);
  const { notice, run } = useNotice();
  useEffect(() => {
    void mapData.load();
    void facilities.load();
  }, [facilities]);

  const filter = facilities.filter.value;
  const kecamatan = mapData.kecamatan.value?.features.map((f) => f.properties) ?? [];
  const remove = (f: FacilityView) => {
    if (confirm(tx("fac.delete.confirm", { name: f.name }))) void run(() => facilities.remove(f), tx("fac.deleted", { name: f.name }));
  };
  const offset = facilities.offset.value;
  const total = facilities.total.value;

  return (
    <div class="page page-facilities" data-testid="facilities-page">
      <h1>{tx("fac.title")}</h1>
      <PageNotices notice={notice.value} testId="facility-notice" loadError={facilities.error.value} />
      <button type="button" class="button" data-testid="facility-new" onClick={() => (editing.value = "new")}>
        {tx("fac.new")}
      </button>
      {editing.value ? (
        <FacilityForm
          key={editing.value === "new" ? "new" : editing.value.id}
          facility={editing.value === "new" ? null : editing.value}
          run={run}
          onDone={() => (editing.value = null)}
        />
      ) : null}
      <div class="facility-filters">
        <select value={filter.type ?? ""} onChange={(e) => void facilities.setFilter({ ...filter, type: (e.currentTarget.value || undefined) as FacilityTypeName | undefined })} data-testid="facility-filter-type">
          <option value="">{tx("fac.filter.type")}</option>
          {FACILITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
        <select value={filter.kecamatan ?? ""} onChange={(e) => void facilities.setFilter({ ...filter, kecamatan: e.currentTarget.value || undefined })} data-testid="facility-filter-kecamatan">
          <option value="">{tx("fac.filter.kecamatan")}</option>
          <KecamatanOptions kecamatan={kecamatan} />
        </select>
        <input
          type="search"
          placeholder={tx("fac.filter.q")}
          aria-label={tx("fac.filter.q")}
          value={filter.q ?? ""}
          onChange={(e) => void facilities.setFilter({ ...filter, q: e.currentTarget.value.trim() || undefined })}
          data-testid="facility-filter-q"
        />
        <span class="muted" data-testid="facility-count">
          {tx("fac.count", { n: total })}
        </span>
      </div>
      <Table columns={[tx("fac.name"), tx("fac.type"), tx("fac.place"), tx("fac.contact"), tx("fac.status"), ""]} testId="facilities">
        {facilities.items.value.map((f) => (
          <tr key={f.id} data-testid="facility-row" data-active={f.active}>
            <td>{f.name}</td>
            <td>{typeLabel(f.type)}</td>
            <td>{[f.kecamatan.nama, f.desa?.nama].filter(Boolean).join(" / ")}</td>
            <td>{f.contact ?? t("common.none")}</td>
            <td>{f.active ? tx("fac.status.active") : tx("fac.status.inactive")}</td>
            <td class="nowrap">
              <button type="button" class="button-quiet" onClick={() => (editing.value = f)}>
                {tx("fac.edit")}
              </button>{" "}
              <button type="button" class="button-quiet" onClick={() => remove(f)}>
                {tx("fac.delete")}
              </button>
            </td>
          </tr>
        ))}
      </Table>
      {total > PAGE_SIZE ? (
        <div class="facility-paging">
          <button type="button" class="button-quiet" disabled={offset === 0} onClick={() => void facilities.page(-1)}>
            {tx("fac.prev")}
          </button>{" "}
          <button type="button" class="button-quiet" disabled={offset + PAGE_SIZE >= total} onClick={() => void facilities.page(1)}>
            {tx("fac.next")}
          </button>
        </div>
      ) : null}
      <FacilityImport />
    </div>
  );
}
