import "./facilities-layer.css";
import { useSignal } from "@preact/signals";
import L from "leaflet";
import { useEffect, useRef } from "preact/hooks";
import { Marker, Pane, Popup } from "react-leaflet";
import { FACILITY_TYPE_COLOURS, FACILITY_TYPES, type FacilityTypeName } from "@contract/facility-types.ts";
import { tx, typeLabel } from "./messages.ts";
import { facilityPhotoUrl, fetchPublicFacilities, type PublicFacility } from "./public-facilities.ts";

/*
 * The facilities layer, for any map built on MapView (ops, public). Usage, inside <MapView>:
 *
 *   const on = useSignal(false);
 *   <MapView …>
 *     <FacilitiesToggle on={on.value} onChange={(v) => (on.value = v)} />
 *     {on.value ? <FacilitiesLayer /> : null}
 *   </MapView>
 *
 * or simply <FacilitiesOverlay /> for both. The public map may load this module lazily
 * (`lazy(() => import("../facilities/FacilitiesLayer.tsx"))`): it imports no zod and no API client, only
 * Leaflet, react-leaflet and the small zod-free type list; its strings live in facilities/messages.ts.
 */

/** One letter per type inside the coloured dot: the types differ by more than colour. */
const GLYPH: Record<FacilityTypeName, string> = {
  kantor_pemerintahan: "K",
  pos_keamanan: "P",
  rumah_ibadah: "I",
  sekolah: "S",
  fasilitas_kesehatan: "+",
  lainnya: "•",
};

/** Marker icons, made once per type (Leaflet reuses an icon's options for every marker given it). */
const ICONS = Object.fromEntries(
  FACILITY_TYPES.map((type) => [
    type,
    L.divIcon({
      className: `facility-marker facility-marker--${type}`,
      html: `<span style="background:${FACILITY_TYPE_COLOURS[type]}">${GLYPH[type]}</span>`,
      iconSize: [20, 20],
      iconAnchor: [10, 10],
      popupAnchor: [0, -10],
    }),
  ]),
) as Record<FacilityTypeName, L.DivIcon>;

/** Above the boundaries, below report markers (report panes sit higher): a report is never hidden by a school. */
const PANE = "facilities";

interface LayerProps {
  /** Only these types or kecamatan (defaults: all). */
  type?: FacilityTypeName;
  kecamatan?: string;
}

/** Active facilities as markers with a popup each, and the legend. Loads when mounted. */
export function FacilitiesLayer({ type, kecamatan }: LayerProps) {
  const items = useSignal<PublicFacility[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    const ctl = new AbortController();
    fetchPublicFacilities({ type, kecamatan }, ctl.signal).then(
      (list) => ((items.value = list), (failed.value = false)),
      () => !ctl.signal.aborted && (failed.value = true),
    );
    return () => ctl.abort();
  }, [type, kecamatan]);

  const list = items.value ?? [];
  return (
    <>
      <Pane name={PANE} style={{ zIndex: 420 }}>
        {list.map((f) => (
          <Marker key={f.id} position={[f.lat, f.lng]} icon={ICONS[f.type]} pane={PANE} title={f.name} alt={`${typeLabel(f.type)}: ${f.name}`}>
            <Popup>
              <FacilityPopup f={f} />
            </Popup>
          </Marker>
        ))}
      </Pane>
      <FacilitiesLegend count={items.value ? list.length : null} failed={failed.value} />
    </>
  );
}

function FacilityPopup({ f }: { f: PublicFacility }) {
  return (
    <div class="facility-popup" data-testid="facility-popup">
      <strong>{f.name}</strong>
      <div class="muted">{typeLabel(f.type)}</div>
      {f.hasPhoto ? <img src={facilityPhotoUrl(f.id)} alt="" loading="lazy" width={200} /> : null}
      {f.address ? <div>{f.address}</div> : null}
      {f.contact ? <div>{f.contact}</div> : null}
      <div class="muted">{[f.desa ? `Desa ${f.desa}` : null, `Kec. ${f.kecamatan}`].filter(Boolean).join(", ")}</div>
    </div>
  );
}

/** The legend: each type's marker and name, and how many are shown. */
export function FacilitiesLegend({ count, failed }: { count: number | null; failed?: boolean }) {
  const ref = useStopMapEvents<HTMLDivElement>();
  return (
    <div class="facility-legend" ref={ref} data-testid="facility-legend" aria-label={tx("fac.legend")}>
      <strong>{tx("fac.legend")}</strong>
      <ul>
        {FACILITY_TYPES.map((type) => (
          <li key={type}>
            <span class="facility-swatch" style={{ background: FACILITY_TYPE_COLOURS[type] }}>
              {GLYPH[type]}
            </span>
            {typeLabel(type)}
          </li>
        ))}
      </ul>
      {failed ? <div class="facility-legend-error">{tx("fac.loadFailed")}</div> : count !== null ? <div class="muted">{tx("fac.count", { n: count })}</div> : null}
    </div>
  );
}

/** The switch for the layer, drawn in the map's top-right corner (inside <MapView>). */
export function FacilitiesToggle({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  const ref = useStopMapEvents<HTMLLabelElement>();
  return (
    <label class="facility-toggle" ref={ref} title={tx("fac.layer.toggle")}>
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} data-testid="facility-toggle" />
      {tx("fac.layer")}
    </label>
  );
}

/** Toggle and layer together, off at first. */
export function FacilitiesOverlay(props: LayerProps) {
  const on = useSignal(false);
  return (
    <>
      <FacilitiesToggle on={on.value} onChange={(v) => (on.value = v)} />
      {on.value ? <FacilitiesLayer {...props} /> : null}
    </>
  );
}

/** Clicks and scrolls on a control inside the map must not pan, zoom or pick a point on the map under it. */
function useStopMapEvents<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!ref.current) return;
    L.DomEvent.disableClickPropagation(ref.current);
    L.DomEvent.disableScrollPropagation(ref.current);
  }, []);
  return ref;
}
