import "leaflet/dist/leaflet.css";
import "./map.css";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { MapContainer, useMap } from "react-leaflet";
import { t } from "../i18n/i18n.ts";
import { BaseTiles, TilesNotice } from "./BaseTiles.tsx";
import { KecamatanBoundaries } from "./KecamatanBoundaries.tsx";
import type { KecamatanCollection, PublicConfig } from "./map-data.model.ts";

/** Paringin, roughly the middle of Balangan: where the map starts before the boundaries arrive. */
const BALANGAN_CENTER: [number, number] = [-2.33, 115.6];

interface Props {
  config: PublicConfig | null;
  kecamatan: KecamatanCollection | null;
  loadError?: unknown;
  /** Extra layers (report markers, later clusters) drawn above the boundaries. */
  children?: ComponentChildren;
}

/**
 * The Balangan map every view builds on. SVG rendering (Leaflet's default) keeps each boundary and
 * marker a DOM element: inspectable, stylable by class, countable in browser tests.
 */
export function MapView({ config, kecamatan, loadError, children }: Props) {
  return (
    <div class="map-wrap">
      {/* Quarter zoom steps: the kabupaten fills the screen it is fitted to (a phone's 390 px, a wall). */}
      <MapContainer center={BALANGAN_CENTER} zoom={10} minZoom={8} maxZoom={18} zoomSnap={0.25} className="map">
        <NeutralAttributionPrefix />
        {config?.tileUrl ? <BaseTiles url={config.tileUrl} attribution={config.tileAttribution} /> : null}
        {kecamatan ? <KecamatanBoundaries data={kecamatan} /> : null}
        {children}
      </MapContainer>
      <TilesNotice />
      {loadError ? (
        <div class="map-notice map-notice--error" role="alert">
          {t("map.loadFailed")}
        </div>
      ) : null}
    </div>
  );
}

/** Leaflet's default prefix carries a flag; an official dashboard credits the library plainly. */
export function NeutralAttributionPrefix() {
  const map = useMap();
  useEffect(() => {
    map.attributionControl?.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
  }, [map]);
  return null;
}
