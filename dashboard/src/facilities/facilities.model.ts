import { createModel, signal } from "@preact/signals";
import type { CreateFacilityInput, FacilityListQuery, FacilityPoint, FacilityView, ImportFacilitiesResult } from "@contract/facilities.ts";
import type { LocateResult } from "@contract/regions.ts";
import { apiErrorOf } from "@kit/api-error.ts";
import type { Http } from "@kit/http.ts";

export const PAGE_SIZE = 50;

export type FacilityFilter = Pick<FacilityListQuery, "type" | "kecamatan" | "q">;

/** The form's fields as typed (numbers as text until saved). */
export interface FacilityDraft {
  type: CreateFacilityInput["type"];
  name: string;
  address: string;
  contact: string;
  lat: string;
  lng: string;
  active: boolean;
}

export const emptyDraft: FacilityDraft = { type: "kantor_pemerintahan", name: "", address: "", contact: "", lat: "", lng: "", active: true };

export const draftOf = (f: FacilityView): FacilityDraft => ({
  type: f.type,
  name: f.name,
  address: f.address ?? "",
  contact: f.contact ?? "",
  lat: String(f.location.lat),
  lng: String(f.location.lng),
  active: f.active,
});

/** The draft's point, or null while either coordinate is not a number. */
export function pointOf(d: Pick<FacilityDraft, "lat" | "lng">): FacilityPoint | null {
  const lat = Number(d.lat.replace(",", "."));
  const lng = Number(d.lng.replace(",", "."));
  return d.lat.trim() && d.lng.trim() && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/** Where a picked point falls: its kecamatan and desa, outside Balangan, or not asked yet. */
export type PickedPlace = { kind: "none" } | { kind: "inside"; place: LocateResult } | { kind: "outside" };

/**
 * The facilities admin page: the filtered list in offset pages, edits with the version seen, the map
 * picker's "where is this point", photo upload and the CSV import (check, then import).
 */
export const FacilitiesModel = createModel((http: Http) => {
  const items = signal<FacilityView[]>([]);
  const total = signal(0);
  const offset = signal(0);
  const filter = signal<FacilityFilter>({});
  const error = signal<unknown>(null);
  const imported = signal<ImportFacilitiesResult | null>(null);

  // Only the latest load's answer is shown: a slow answer for an older filter must not overwrite it.
  let latest = 0;
  async function load() {
    const mine = ++latest;
    try {
      const page = await http.call("GET /api/facilities", { query: { ...filter.value, limit: PAGE_SIZE, offset: offset.value } });
      if (mine !== latest) return;
      items.value = page.data;
      total.value = page.page.total ?? page.data.length;
      error.value = null;
    } catch (err) {
      if (mine === latest) error.value = err;
    }
  }

  return {
    items,
    total,
    offset,
    filter,
    error,
    imported,
    load,
    setFilter(next: FacilityFilter) {
      filter.value = next;
      offset.value = 0;
      return load();
    },
    page(delta: -1 | 1) {
      offset.value = Math.max(0, offset.value + delta * PAGE_SIZE);
      return load();
    },

    /** Create (no id) or update with the version seen; the list reloads after. */
    async save(d: FacilityDraft, existing: FacilityView | null): Promise<FacilityView> {
      const location = pointOf(d);
      const fields = { type: d.type, name: d.name.trim(), address: d.address, contact: d.contact, active: d.active };
      const saved = existing
        ? (await http.call("PATCH /api/facilities/:id", { params: { id: existing.id }, body: { ...fields, ...(location ? { location } : {}), version: existing.version } })).data
        : (await http.call("POST /api/facilities", { body: { ...fields, location: location ?? { lat: NaN, lng: NaN } } })).data;
      await load();
      return saved;
    },

    async remove(f: FacilityView) {
      await http.call("DELETE /api/facilities/:id", { params: { id: f.id } });
      await load();
    },

    /** Raw bytes, as the server wants them (not a form upload). */
    async uploadPhoto(f: FacilityView, file: File): Promise<FacilityView> {
      const res = await fetch(`/api/facilities/${encodeURIComponent(f.id)}/photo`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": file.type || "application/octet-stream", Accept: "application/json" },
        body: file,
      });
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) throw apiErrorOf(res.status, body);
      await load();
      return (body as { data: FacilityView }).data;
    },

    /** The kecamatan and desa at a point, as the server will assign them. */
    async locate(p: FacilityPoint): Promise<PickedPlace> {
      const res = await http.send("GET /api/regions/locate", { query: { lat: p.lat, lng: p.lng } });
      if (res.ok) return { kind: "inside", place: res.data.data };
      if (res.status === 404 || res.status === 422 || res.error.code === "outside_region") return { kind: "outside" };
      throw res.error;
    },

    /** Check (dry run) or import a CSV; the answer stays for the preview table. */
    async importCsv(csv: string, dryRun: boolean): Promise<ImportFacilitiesResult> {
      const result = (await http.call("POST /api/facilities/import", { body: { csv, dryRun } })).data;
      imported.value = result;
      if (!dryRun) await load();
      return result;
    },
  };
});

export type FacilitiesModel = InstanceType<typeof FacilitiesModel>;
