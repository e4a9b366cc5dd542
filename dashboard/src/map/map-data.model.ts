import { createModel, signal } from "@preact/signals";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { PublicConfig } from "@contract/config.ts";
import type { RegionProperties } from "@contract/regions.ts";
import type { Http } from "@kit/http.ts";

export type { PublicConfig };

export type KecamatanCollection = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;

/**
 * The data every map and every kecamatan picker needs, loaded once per page: settings and the eight
 * kecamatan boundaries (public, cached by the server for an hour).
 */
export const MapDataModel = createModel((http: Http) => {
  const config = signal<PublicConfig | null>(null);
  const kecamatan = signal<KecamatanCollection | null>(null);
  const error = signal<unknown>(null);
  /** The 157 desa, asked for only by a view that draws them (46 KB gzipped): null until then. */
  const desa = signal<KecamatanCollection | null>(null);
  let loading: Promise<void> | null = null;
  let loadingDesa: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= Promise.all([
      http.call("GET /api/config", {}),
      http.call("GET /api/regions", { query: { level: "kecamatan" } }),
    ]).then(
      ([c, k]) => {
        config.value = c.data;
        kecamatan.value = k.data;
        error.value = null;
      },
      (err: unknown) => {
        error.value = err;
        loading = null; // let a later call retry
      },
    );
    return loading;
  }

  /** Desa boundaries, once per page; a failure leaves them out (the map works without) and lets a later call retry. */
  function loadDesa(): Promise<void> {
    loadingDesa ??= http.call("GET /api/regions", { query: { level: "desa" } }).then(
      (d) => {
        desa.value = d.data;
      },
      () => {
        loadingDesa = null;
      },
    );
    return loadingDesa;
  }

  return { config, kecamatan, desa, error, load, loadDesa };
});

/** Kecamatan as `{ kode, nama }` sorted by code, for pickers and labels. */
export function kecamatanOptions(fc: KecamatanCollection | null): { kode: string; nama: string }[] {
  return (fc?.features ?? []).map((f) => ({ kode: f.properties.kode, nama: f.properties.nama })).sort((a, b) => a.kode.localeCompare(b.kode));
}
