import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "preact/hooks";
import { effect } from "@preact/signals";
import { apiCall } from "../api/http.ts";
import type { RegionCollection } from "../regions/regions.model.ts";
import type { LocationState } from "./location.model.ts";

/** Balangan's middle, for a map opened before any fix. */
const BALANGAN: L.LatLngExpression = [-2.32, 115.62];

interface Props {
  location: LocationState;
  kecamatan: RegionCollection | null;
  desa: RegionCollection | null;
}

/**
 * A small map to place the pin: kecamatan and desa boundaries drawn from the copy on the phone, so it
 * works without signal and without tiles. Tiles are added when the server names a tile source and the
 * network delivers them (they fail soft). A tap moves the pin.
 */
export function MapPicker({ location, kecamatan, desa }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const start = location.value.peek();
    const map = L.map(el.current, { zoomControl: true, attributionControl: false }).setView(start ? [start.lat, start.lng] : BALANGAN, start ? 14 : 10);
    void addTiles(map);
    // GeoJSON holds [lng, lat]; Leaflet's own GeoJSON layer does the swap (see geo/src/point.ts).
    if (desa)
      L.geoJSON(desa as never, {
        style: { color: "#6b7c93", weight: 1, fill: false },
        onEachFeature: (f, layer) => layer.bindTooltip(String((f.properties as { nama: string }).nama), { sticky: true }),
      }).addTo(map);
    if (kecamatan) L.geoJSON(kecamatan as never, { style: { color: "#0d3b66", weight: 2.5, fillOpacity: 0.04 }, interactive: false }).addTo(map);

    // A circle marker needs no image files (Leaflet's default pin would need two more requests).
    const marker = L.circleMarker(BALANGAN, { radius: 9, color: "#e63946", weight: 3, fillOpacity: 0.6 });
    const stop = effect(() => {
      const v = location.value.value;
      if (v) marker.setLatLng([v.lat, v.lng]).addTo(map);
      else marker.remove();
    });
    map.on("click", (e: L.LeafletMouseEvent) => location.setPin({ lat: e.latlng.lat, lng: e.latlng.lng }));
    return () => {
      stop();
      map.remove();
    };
  }, []);
  return <div ref={el} class="map" data-testid="map-picker" />;
}

async function addTiles(map: L.Map): Promise<void> {
  // Offline: no answer, and the boundaries are the map.
  const r = await apiCall("GET /api/config", {});
  const tiles = r.ok ? r.data.data : null;
  if (tiles?.tileUrl) L.tileLayer(tiles.tileUrl, { maxZoom: 18, attribution: tiles.tileAttribution }).addTo(map).bringToBack();
}
