import "./public-map.css";
import { signal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { useMap } from "react-leaflet";
import { geoJSON } from "leaflet";
import { api } from "../api/client.ts";
import { models } from "../app/models.ts";
import { currentSearch, navigate } from "../app/router.ts";
import { MapView } from "../map/MapView.tsx";
import { kecamatanOptions, type KecamatanCollection } from "../map/map-data.model.ts";
import { filtersFromSearch, searchOf, type PublicFilters } from "./filters.ts";
import { pt } from "./messages.ts";
import { PublicMapModel } from "./public-map.model.ts";
import { PublishedMarkers } from "./PublishedMarkers.tsx";
import { PublicSidebar } from "./PublicSidebar.tsx";
import { LazyFacilities } from "./LazyFacilities.tsx";

/** One per page load: the visitor's filters and what was heard live survive going to a report and back. */
const publicMap = new PublicMapModel(api);
const live = signal<"connecting" | "live" | "offline">("connecting");
let liveStarted = false;

/**
 * Loaded once the first answer is drawn: the socket client is a chunk of its own, so the map on a slow
 * link never waits for it (and a visitor who leaves at once never downloads it).
 */
function startLive() {
  if (liveStarted) return;
  liveStarted = true;
  void import("./public-live.ts").then(({ openPublicLive }) =>
    openPublicLive({
      published: publicMap.published,
      withdrawn: (id) => publicMap.withdrawn(id),
      resumed: () => void publicMap.reload(),
      connection: (state) => (live.value = state),
    }),
  );
}

/** The situation map at `/`, for everyone without a login: published reports only, in their public shape. */
export function PublicMapPage() {
  const { mapData } = models;
  const filters = filtersFromSearch(currentSearch.value);
  const key = searchOf(filters);
  useEffect(() => void mapData.load(), [mapData]);
  useEffect(() => {
    void publicMap.load(filters).then(startLive);
    // The address holds the filters (shareable); a new address is a new load.
  }, [key]);

  const kecamatan = mapData.kecamatan.value;
  const names = useMemo(() => new Map(kecamatanOptions(kecamatan).map((k) => [k.kode, k.nama])), [kecamatan]);
  const setFilters = (next: PublicFilters) => navigate(`/${searchOf(next)}`, { replace: true });
  const fresh = publicMap.fresh.value;

  return (
    <div class="page-public" data-testid="public-map">
      <div class="public-head">
        <h1 class="map-heading">{pt("pub.title")}</h1>
        <span class={`public-live public-live--${live.value}`} data-testid="public-live" data-state={live.value}>
          {live.value === "offline" ? pt("pub.live.offline") : pt("pub.live.live")}
        </span>
      </div>
      <p class="sr-only" aria-live="polite">
        {fresh ? pt("pub.fresh", { title: fresh.title }) : ""}
      </p>
      <div class="public-body">
        <div class="public-map-area">
          <MapView config={mapData.config.value} kecamatan={kecamatan} loadError={mapData.error.value}>
            <PublishedMarkers points={publicMap.points.value} kecamatanNama={(kode) => names.get(kode) ?? kode} freshId={fresh?.id ?? null} />
            <FitKecamatan kecamatan={kecamatan} kode={filters.kecamatan} />
            <LazyFacilities kecamatan={filters.kecamatan} />
          </MapView>
          {publicMap.truncated.value ? <p class="map-notice">{pt("pub.truncated", { n: publicMap.points.value.length })}</p> : null}
        </div>
        <PublicSidebar model={publicMap} kecamatan={kecamatanOptions(kecamatan)} onFilters={setFilters} />
      </div>
      <p class="public-intro">{pt("pub.intro")}</p>
    </div>
  );
}

/** A kecamatan picked in the filter fills the map; back to all, the map keeps where the visitor left it. */
function FitKecamatan({ kecamatan, kode }: { kecamatan: KecamatanCollection | null; kode: string | null }) {
  const map = useMap();
  useEffect(() => {
    const feature = kode ? kecamatan?.features.find((f) => f.properties.kode === kode) : undefined;
    if (feature) map.fitBounds(geoJSON(feature).getBounds(), { padding: [16, 16] });
  }, [map, kecamatan, kode]);
  return null;
}
