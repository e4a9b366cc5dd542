import { useEffect, useMemo, useState } from "preact/hooks";
import { divIcon, latLngBounds } from "leaflet";
import { CircleMarker, Marker, Popup, useMap } from "react-leaflet";
import type { PublicMapPoint } from "@contract/public-reports.ts";
import type { Kerawanan } from "@contract/reports.ts";
import { formatDayKey } from "@kit/wita.ts";
import { Link } from "../app/Link.tsx";
import { locale } from "../i18n/i18n.ts";
import { KERAWANAN_COLORS, KERAWANAN_LEVELS, KERAWANAN_TEXT } from "../map/kerawanan.ts";
import { clusterPoints, type Cluster } from "./cluster.ts";
import { pt } from "./messages.ts";

const reportPath = (id: string) => `/laporan/${id}`;
const worst = (items: PublicMapPoint[]): Kerawanan => items.reduce<Kerawanan>((w, p) => (KERAWANAN_LEVELS.indexOf(p.kerawanan) > KERAWANAN_LEVELS.indexOf(w) ? p.kerawanan : w), "rendah");
/** Past this zoom, points still together share a spot: the cluster lists them rather than zoom further. */
const LIST_ZOOM = 14;

interface Props {
  points: PublicMapPoint[];
  kecamatanNama: (kode: string) => string;
  /** The publication just heard live: its dot rings for a moment. */
  freshId: string | null;
}

/**
 * Published reports on the public map: one dot per report coloured by kerawanan, and numbered circles
 * where several sit close at this zoom (clustered in screen space on every zoom, see cluster.ts). A
 * cluster's colour is its most serious report; clicking zooms to it, or lists it once zoomed far in.
 */
export function PublishedMarkers({ points, kecamatanNama, freshId }: Props) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useEffect(() => {
    const onZoom = () => setZoom(map.getZoom());
    map.on("zoomend", onZoom);
    return () => void map.off("zoomend", onZoom);
  }, [map]);

  const clusters = useMemo(
    () => clusterPoints(points.map((p) => ({ ...map.project([p.location.lat, p.location.lng], zoom), item: p }))),
    // Layer-independent pixel coordinates at this zoom: panning never reclusters.
    [points, zoom, map],
  );

  return (
    <>
      {clusters.map((c) => (c.items.length === 1 ? <Dot key={c.items[0]!.id} point={c.items[0]!} kecamatanNama={kecamatanNama} fresh={c.items[0]!.id === freshId} /> : <Group key={c.items.map((i) => i.id).join(",")} cluster={c} zoom={zoom} kecamatanNama={kecamatanNama} />))}
    </>
  );
}

function Dot({ point, kecamatanNama, fresh }: { point: PublicMapPoint; kecamatanNama: (kode: string) => string; fresh: boolean }) {
  return (
    <CircleMarker
      center={[point.location.lat, point.location.lng]}
      radius={fresh ? 11 : 8}
      pathOptions={{ color: "#ffffff", weight: fresh ? 4 : 2, fillColor: KERAWANAN_COLORS[point.kerawanan], fillOpacity: 0.95, className: `public-marker public-marker--${point.kerawanan}${fresh ? " public-marker--fresh" : ""}` }}
    >
      <Popup>
        <PointSummary point={point} kecamatanNama={kecamatanNama} />
      </Popup>
    </CircleMarker>
  );
}

function Group({ cluster, zoom, kecamatanNama }: { cluster: Cluster<PublicMapPoint>; zoom: number; kecamatanNama: (kode: string) => string }) {
  const map = useMap();
  const level = worst(cluster.items);
  const center = map.unproject([cluster.x, cluster.y], zoom);
  const icon = useMemo(() => {
    const size = cluster.items.length < 10 ? 30 : cluster.items.length < 100 ? 36 : 42;
    const el = document.createElement("span");
    el.className = `public-cluster public-cluster--${level}`;
    el.style.cssText = `width:${size}px;height:${size}px;line-height:${size}px;background:${KERAWANAN_COLORS[level]};color:${KERAWANAN_TEXT[level]}`;
    el.textContent = String(cluster.items.length);
    return divIcon({ className: "public-cluster-anchor", html: el, iconSize: [size, size] });
  }, [cluster.items.length, level]);
  const listHere = zoom >= LIST_ZOOM;
  const zoomIn = () => {
    if (listHere) return;
    map.fitBounds(latLngBounds(cluster.items.map((p) => [p.location.lat, p.location.lng])).pad(0.3), { maxZoom: LIST_ZOOM });
  };
  return (
    <Marker position={center} icon={icon} title={pt("pub.cluster", { n: cluster.items.length })} eventHandlers={{ click: zoomIn }} keyboard>
      {listHere ? (
        <Popup>
          <ul class="public-popup-list">
            {cluster.items.slice(0, 12).map((p) => (
              <li key={p.id}>
                <PointSummary point={p} kecamatanNama={kecamatanNama} />
              </li>
            ))}
          </ul>
        </Popup>
      ) : null}
    </Marker>
  );
}

function PointSummary({ point, kecamatanNama }: { point: PublicMapPoint; kecamatanNama: (kode: string) => string }) {
  return (
    <div class="public-popup" data-testid="public-popup">
      <strong>{point.title}</strong>
      <span class="public-popup-meta">
        <time dateTime={point.day}>{formatDayKey(point.day, locale.value, true)}</time> · {pt("pub.where.kecamatan", { kecamatan: kecamatanNama(point.kecamatanKode) })} · {pt(`pub.kerawanan.${point.kerawanan}`)}
      </span>
      <Link href={reportPath(point.id)}>{pt("pub.open")}</Link>
    </div>
  );
}
