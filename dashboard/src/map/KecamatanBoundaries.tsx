import { useEffect } from "preact/hooks";
import { geoJSON, type PathOptions } from "leaflet";
import { GeoJSON, Pane, Tooltip, useMap } from "react-leaflet";
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

/**
 * The eight kecamatan as outlined areas, each with its name as a permanent label at the server's label
 * point (a point inside the polygon, unlike a centroid). The map fits them when they arrive.
 */
export function KecamatanBoundaries({ data, fit = true }: { data: KecamatanCollection; fit?: boolean }) {
  const map = useMap();
  useEffect(() => {
    // Leaflet's GeoJSON reader does the [lng, lat] → LatLng swap, so no coordinate order is handled here.
    if (fit && data.features.length) map.fitBounds(geoJSON(data).getBounds(), { padding: [16, 16] });
  }, [map, data, fit]);

  return (
    <>
      <Pane name={BOUNDARY_PANE} style={{ zIndex: 350 }} />
      <Pane name={LABEL_PANE} style={{ zIndex: 360, pointerEvents: "none" }} />
      {data.features.map((feature) => {
        const [lng, lat] = feature.properties.label;
        return (
          <GeoJSON key={feature.properties.kode} data={feature} style={boundaryStyle} attribution={BOUNDARY_ATTRIBUTION} pane={BOUNDARY_PANE}>
            <Tooltip permanent direction="center" position={[lat, lng]} className="kecamatan-label" opacity={1} pane={LABEL_PANE}>
              {feature.properties.nama}
            </Tooltip>
          </GeoJSON>
        );
      })}
    </>
  );
}
