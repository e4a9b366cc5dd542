import { useEffect } from "preact/hooks";
import { models } from "../app/models.ts";
import { t } from "../i18n/i18n.ts";
import { MapView } from "./MapView.tsx";

/** The situation map at `/`: open to everyone; published reports join it in a later view. */
export function PublicMapPage() {
  const { mapData } = models;
  useEffect(() => void mapData.load(), [mapData]);
  return (
    <div class="page-map" data-testid="public-map">
      <h1 class="map-heading">{t("map.title")}</h1>
      <MapView config={mapData.config.value} kecamatan={mapData.kecamatan.value} loadError={mapData.error.value} />
    </div>
  );
}
