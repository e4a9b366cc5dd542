import { Fragment } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { divIcon, geoJSON, type DivIcon, type Map as LeafletMap, type PathOptions } from "leaflet";
import { GeoJSON, Marker, Pane, useMap } from "react-leaflet";
import { bboxOf } from "@geo/bbox.ts";
import { labelsToShow } from "./declutter.ts";
import type { KecamatanCollection } from "./map-data.model.ts";

/** Credit required by the boundary data's MIT licence (see seeds/balangan/LICENSE). */
export const BOUNDARY_ATTRIBUTION = "Batas wilayah: Cahya DSN, wilayah_boundaries (MIT)";

const boundaryStyle: PathOptions = {
  color: "#0d3b66",
  weight: 2,
  opacity: 0.9,
  fillColor: "#4f7cac",
  fillOpacity: 0.08,
  className: "kecamatan-boundary",
};

/**
 * Boundaries and their names sit below Leaflet's overlay pane (z-index 400), so report markers drawn
 * there are never hidden under a kecamatan label.
 */
const BOUNDARY_PANE = "kecamatan-boundaries";
const LABEL_PANE = "kecamatan-labels";
const HIDDEN_LABEL = "kecamatan-label--hidden";

type KecamatanFeature = KecamatanCollection["features"][number];

/**
 * A place's name, centred on its label point by CSS. A marker icon rather than a Leaflet tooltip:
 * a tooltip measures itself each time it is placed (a forced layout per label per zoom step), which a
 * cheap phone pays for while the first screen is drawn. Not interactive, so not a tab stop.
 */
export function labelIcon(name: string, testId?: string): DivIcon {
  const text = document.createElement("span");
  text.className = "kecamatan-label";
  if (testId) text.dataset.testid = testId;
  text.textContent = name;
  return divIcon({ className: "kecamatan-label-anchor", html: text, iconSize: [0, 0] });
}

/** Larger kecamatan first: when names collide on a small screen, the larger area keeps its name. */
function byLabelPriority(features: KecamatanFeature[]): KecamatanFeature[] {
  const extent = (f: KecamatanFeature) => {
    const [w, s, e, n] = bboxOf(f.geometry);
    return (e - w) * (n - s);
  };
  return [...features].sort((a, b) => extent(b) - extent(a));
}

/**
 * The eight kecamatan as outlined areas, each with its name as a permanent label at the server's label
 * point (a point inside the polygon, unlike a centroid). The map fits them when they arrive.
 */
export function KecamatanBoundaries({ data, fit = true }: { data: KecamatanCollection; fit?: boolean }) {
  const map = useMap();
  const features = useMemo(() => byLabelPriority(data.features).map((f) => ({ feature: f, icon: labelIcon(f.properties.nama) })), [data]);
  useEffect(() => {
    // Leaflet's GeoJSON reader does the [lng, lat] → LatLng swap, so no coordinate order is handled here.
    if (fit && data.features.length) map.fitBounds(geoJSON(data).getBounds(), { padding: [16, 16] });
  }, [map, data, fit]);
  useEffect(() => declutterLabels(map), [map, features]);

  return (
    <>
      <Pane name={BOUNDARY_PANE} style={{ zIndex: 350 }} />
      <Pane name={LABEL_PANE} style={{ zIndex: 360, pointerEvents: "none" }} />
      {features.map(({ feature, icon }) => {
        const [lng, lat] = feature.properties.label;
        return (
          <Fragment key={feature.properties.kode}>
            <GeoJSON data={feature} style={boundaryStyle} attribution={BOUNDARY_ATTRIBUTION} pane={BOUNDARY_PANE} />
            <Marker position={[lat, lng]} icon={icon} pane={LABEL_PANE} interactive={false} keyboard={false} />
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * Hide the names that would cover one another (on a phone the whole kabupaten fits in 390 px), again
 * after every zoom; zooming in brings them back. The labels lie in the pane in priority order.
 */
function declutterLabels(map: LeafletMap): () => void {
  let frame = 0;
  const run = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const labels = [...(map.getPane(LABEL_PANE)?.querySelectorAll<HTMLElement>(".kecamatan-label") ?? [])];
      const show = labelsToShow(labels.map((el) => el.getBoundingClientRect()));
      labels.forEach((el, i) => el.classList.toggle(HIDDEN_LABEL, !show[i]));
    });
  };
  run();
  map.on("zoomend moveend resize", run);
  return () => {
    cancelAnimationFrame(frame);
    map.off("zoomend moveend resize", run);
  };
}
