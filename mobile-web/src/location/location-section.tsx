import { useContext, useMemo, useState } from "preact/hooks";
import { AppContext } from "../app/context.ts";
import { lazyView } from "../app/lazy.tsx";
import { t } from "../i18n/i18n.ts";
import { FieldError } from "../ui/fields.tsx";
import { FormContext } from "../report-form/form-context.ts";
import { createLocator, type Whereabouts } from "../regions/where.ts";
import type { LocationState } from "./location.model.ts";

// Leaflet (~40 KB gzipped) loads only when the officer opens the map.
const MapPicker = lazyView(() => import("./map-picker.tsx").then((m) => m.MapPicker));

/**
 * Where it happened: a GPS fix with its accuracy, or a pin on a map of the boundaries. Shows the
 * kecamatan and desa from the boundaries on the phone, so the officer sees before sending what the
 * server will file it under — and is warned when the point is outside Balangan.
 */
export function LocationSection({ location, note }: { location: LocationState; note?: string }) {
  const { regions } = useContext(AppContext);
  const { errors } = useContext(FormContext);
  const [mapOpen, setMapOpen] = useState(false);
  const locate = useMemo(() => createLocator(regions.kecamatan.value, regions.desa.value), [regions.kecamatan.value, regions.desa.value]);
  const value = location.value.value;
  const gps = location.gps.value;
  const error = errors.value.location;

  return (
    <div class={`stack${error ? " field--error" : ""}`} id="f-location">
      {note && <p class="small muted">{note}</p>}
      <div class="row">
        <button type="button" class="btn" disabled={gps.state === "busy"} onClick={() => location.startGps()} data-testid="use-gps">
          {gps.state === "busy" ? t("loc.gpsBusy") : t("loc.gps")}
        </button>
        <button type="button" class="btn" onClick={() => setMapOpen(!mapOpen)} aria-expanded={mapOpen}>
          {mapOpen ? t("loc.pinHide") : t("loc.pin")}
        </button>
      </div>
      {gps.state === "failed" && <p class="error small">{t(`loc.${gps.failure}`)}</p>}
      {value ? (
        <div class="loc" data-testid="location-value" data-lat={value.lat} data-lng={value.lng}>
          <p>
            <strong>{value.source === "gps" ? t("loc.fromGps") : t("loc.fromPin")}</strong> · {value.lat.toFixed(5)}, {value.lng.toFixed(5)}
            {value.accuracyM !== null && <span class="muted"> · {t("loc.accuracy", { m: value.accuracyM })}</span>}
          </p>
          {value.accuracyM !== null && value.accuracyM > 500 && <p class="warn small">{t("loc.coarse", { m: value.accuracyM })}</p>}
          <WhereLine where={locate(value)} />
        </div>
      ) : (
        <p class="muted">{t("loc.none")}</p>
      )}
      {mapOpen && (
        <>
          <p class="small muted">{t("loc.pinHint")}</p>
          <MapPicker location={location} kecamatan={regions.kecamatan.value} desa={regions.desa.value} />
        </>
      )}
      <FieldError id="f-location" error={error} />
    </div>
  );
}

function WhereLine({ where }: { where: Whereabouts }) {
  switch (where.kind) {
    case "inside":
      return (
        <p class="where" data-testid="whereabouts">
          {where.desa ? t("loc.inside", { kec: where.kecamatan.nama, desa: where.desa.nama }) : t("loc.insideNoDesa", { kec: where.kecamatan.nama })}
        </p>
      );
    case "near":
      return (
        <p class="warn" data-testid="whereabouts">
          {t("loc.near", { m: where.meters, kec: where.kecamatan.nama })}
        </p>
      );
    case "outside":
      return (
        <p class="error" data-testid="whereabouts">
          {t("loc.outside")}
        </p>
      );
    case "unknown":
      return <p class="muted small">{t("loc.unknown")}</p>;
  }
}
