import "leaflet/dist/leaflet.css";
import "../map/map.css";
import { useEffect } from "preact/hooks";
import type { ReportDetail } from "@contract/report-detail.ts";
import { Circle, CircleMarker, MapContainer } from "react-leaflet";
import { t } from "../i18n/i18n.ts";
import { BaseTiles, TilesNotice } from "../map/BaseTiles.tsx";
import { NeutralAttributionPrefix } from "../map/MapView.tsx";
import { KERAWANAN_COLORS } from "../map/kerawanan.ts";
import type { KecamatanCollection, PublicConfig } from "../map/map-data.model.ts";
import { PlaceOutlines } from "./PlaceOutlines.tsx";

/**
 * Where the report was made: a small map with the point and its accuracy circle, and the desa and
 * kecamatan it was placed in; warnings when the point is outside the officer's own kecamatan or was
 * outside Balangan. The desa and kecamatan outlines are its base layer when tiles fail.
 */
export function LocationMap({ report, config, boundaries }: { report: ReportDetail; config: PublicConfig | null; boundaries: Boundaries }) {
  const { lat, lng, accuracyM, source } = report.location;
  useEffect(() => void boundaries.loadDesa(), [boundaries]);
  return (
    <div class="detail-location">
      <p data-testid="detail-place">
        {report.desa ? `${report.desa.nama}, ` : ""}
        {t("detail.kecamatan", { name: report.kecamatan.nama })} · {lat.toFixed(5)}, {lng.toFixed(5)} ·{" "}
        {accuracyM !== null ? t("detail.accuracy", { m: Math.round(accuracyM) }) : t("detail.noAccuracy")} · {t(source === "gps" ? "detail.gps" : "detail.pin")}
      </p>
      {report.outsideBalangan ? (
        <p class="warn" role="note" data-testid="warn-outside-balangan">
          {t("detail.outsideBalangan", { m: Math.round(report.outsideMeters) })}
        </p>
      ) : null}
      {report.outsideOwnKecamatan ? (
        <p class="warn" role="note" data-testid="warn-outside-kecamatan">
          {t("detail.outsideOwnKecamatan", { own: report.author.kecamatan?.nama ?? t("common.none") })}
        </p>
      ) : null}
      <div class="detail-map-wrap">
        <MapContainer center={[lat, lng]} zoom={15} minZoom={8} maxZoom={18} className="detail-map map" scrollWheelZoom={false}>
          <NeutralAttributionPrefix />
          {config?.tileUrl ? <BaseTiles url={config.tileUrl} attribution={config.tileAttribution} /> : null}
          <PlaceOutlines kecamatan={boundaries.kecamatan.value} desa={boundaries.desa.value} kecamatanKode={report.kecamatan.kode} desaKode={report.desa?.kode ?? null} point={[lat, lng]} />
          {accuracyM ? <Circle center={[lat, lng]} radius={accuracyM} pathOptions={{ color: "#1565c0", weight: 1, fillOpacity: 0.12 }} /> : null}
          <CircleMarker center={[lat, lng]} radius={8} className={`ops-marker ops-marker--${report.kerawanan}`} pathOptions={{ color: "#ffffff", weight: 2, fillColor: KERAWANAN_COLORS[report.kerawanan], fillOpacity: 1 }} />
        </MapContainer>
        <TilesNotice />
      </div>
    </div>
  );
}

/** What the detail map draws its outlines from (the page's MapDataModel). */
export interface Boundaries {
  kecamatan: { value: KecamatanCollection | null };
  desa: { value: KecamatanCollection | null };
  loadDesa(): Promise<void>;
}
