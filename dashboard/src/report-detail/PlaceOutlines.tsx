import { geoJSON, latLng, Point as LeafletPoint, type PathOptions } from "leaflet";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { GeoJSON, Marker, Pane, useMap } from "react-leaflet";
import { BOUNDARY_ATTRIBUTION, labelIcon } from "../map/KecamatanBoundaries.tsx";
import type { KecamatanCollection } from "../map/map-data.model.ts";

const OUTLINE_PANE = "place-outlines";

const neighbourStyle: PathOptions = { color: "#4f7cac", weight: 1, opacity: 0.7, fill: false, className: "desa-outline" };
const ownDesaStyle: PathOptions = { color: "#0d3b66", weight: 2.5, opacity: 0.9, fillColor: "#4f7cac", fillOpacity: 0.1, className: "desa-outline desa-outline--own" };
const kecamatanStyle: PathOptions = { color: "#0d3b66", weight: 3, opacity: 0.6, fill: false, className: "kecamatan-outline" };

/**
 * The ground under a report's point when no tile loads (offices often run offline): its desa outlined
 * and named, the other desa of its kecamatan in thin lines, the kecamatan's own border. Without a base map a
 * verifier still reads which desa the point is in and how near its border.
 */
export function PlaceOutlines({ kecamatan, desa, kecamatanKode, desaKode, point }: { kecamatan: KecamatanCollection | null; desa: KecamatanCollection | null; kecamatanKode: string; desaKode: string | null; point: [number, number] }) {
  const map = useMap();
  const fitted = useRef(false);
  const ownKecamatan = useMemo(() => kecamatan?.features.find((f) => f.properties.kode === kecamatanKode) ?? null, [kecamatan, kecamatanKode]);
  const desaOfKecamatan = useMemo(() => desa?.features.filter((f) => f.properties.parent === kecamatanKode) ?? [], [desa, kecamatanKode]);
  const ownDesa = desaOfKecamatan.find((f) => f.properties.kode === desaKode) ?? null;
  const label = useMemo(() => (ownDesa ? labelIcon(ownDesa.properties.nama, "detail-desa-label") : null), [ownDesa]);
  // Once the desa arrives, zoom out to show as much of it as fits (between zoom 13 and the first view's
  // 15), still centred on the point: the place reads at a glance. Only once, so a verifier's own zooming
  // is never undone.
  useEffect(() => {
    if (!ownDesa || fitted.current) return;
    fitted.current = true;
    const zoom = map.getBoundsZoom(geoJSON(ownDesa).getBounds(), false, new LeafletPoint(24, 24));
    map.setView(latLng(point[0], point[1]), Math.min(15, Math.max(13, zoom)), { animate: false });
  }, [map, ownDesa]);

  return (
    <>
      <Pane name={OUTLINE_PANE} style={{ zIndex: 350 }} />
      {desaOfKecamatan.map((f) => (
        <GeoJSON key={f.properties.kode} data={f} style={f === ownDesa ? ownDesaStyle : neighbourStyle} pane={OUTLINE_PANE} interactive={false} />
      ))}
      {ownKecamatan ? <GeoJSON key={`k-${ownKecamatan.properties.kode}`} data={ownKecamatan} style={kecamatanStyle} pane={OUTLINE_PANE} interactive={false} attribution={BOUNDARY_ATTRIBUTION} /> : null}
      {ownDesa && label ? <Marker position={[ownDesa.properties.label[1], ownDesa.properties.label[0]]} icon={label} pane={OUTLINE_PANE} interactive={false} keyboard={false} /> : null}
    </>
  );
}
