import { CircleMarker, useMapEvents } from "react-leaflet";
import type { FacilityPoint } from "@contract/facilities.ts";
import type { KecamatanCollection, PublicConfig } from "../map/map-data.model.ts";
import { MapView } from "../map/MapView.tsx";
import type { PickedPlace } from "./facilities.model.ts";
import { tx } from "./messages.ts";

interface Props {
  config: PublicConfig | null;
  kecamatan: KecamatanCollection | null;
  point: FacilityPoint | null;
  place: PickedPlace;
  onPick(p: FacilityPoint): void;
}

/** Six decimals: about 10 cm, finer than any phone or map click means. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The map picker: a click sets the point; below the map, the kecamatan and desa it falls in. */
export function PointPicker({ config, kecamatan, point, place, onPick }: Props) {
  return (
    <div class="facility-picker" data-testid="facility-picker">
      <p class="muted">{tx("fac.picker.hint")}</p>
      <div class="facility-picker-map">
        <MapView config={config} kecamatan={kecamatan}>
          <ClickToPick onPick={onPick} />
          {point ? <CircleMarker center={[point.lat, point.lng]} radius={8} pathOptions={{ color: "#b00020", weight: 3, fillOpacity: 0.6 }} className="facility-picked" /> : null}
        </MapView>
      </div>
      <p data-testid="facility-place" data-kind={place.kind}>
        {place.kind === "inside"
          ? place.place.desa
            ? tx("fac.picker.at", { kecamatan: place.place.kecamatan.nama, desa: place.place.desa.nama })
            : tx("fac.picker.atNoDesa", { kecamatan: place.place.kecamatan.nama })
          : place.kind === "outside"
            ? tx("fac.picker.outside")
            : tx("fac.picker.none")}
      </p>
    </div>
  );
}

function ClickToPick({ onPick }: { onPick(p: FacilityPoint): void }) {
  useMapEvents({ click: (e) => onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }) });
  return null;
}
