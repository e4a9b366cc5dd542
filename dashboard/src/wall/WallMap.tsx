import "leaflet/dist/leaflet.css";
import { useSignal, useSignalEffect, type Signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { divIcon, geoJSON, map as leafletMap, marker, tileLayer, type GeoJSON as GeoJSONLayer, type Map as LeafletMap } from "leaflet";
import type { AlertLevel } from "@contract/alerts.ts";
import { LEVEL_COLORS, kecamatanClass } from "../alerts/alert-levels.ts";
import { createDotLayer, type DotLayer } from "./dot-layer.ts";
import { tx } from "./messages.ts";
import { reportDrawn, reportsRedrawn } from "./probe.ts";
import type { WallModel } from "./wall.model.ts";

const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
const FILL_OPACITY: Record<AlertLevel, number> = { normal: 0.08, waspada: 0.35, siaga: 0.42, awas: 0.5 };

/**
 * The live map: kecamatan filled by alert level, the last 24 hours of reports as dots, new ones pulsing.
 * Plain Leaflet rather than react-leaflet: one map that never re-renders, fed by signals. It takes no
 * pointer or keyboard (a wall has neither) and fits the kabupaten again whenever the screen resizes.
 */
export function WallMap({ model }: { model: WallModel }) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  // A signal, not a ref: the colouring below must run again when the layer exists, whichever comes first.
  const boundaries = useSignal<GeoJSONLayer | null>(null);
  const tilesFailing = useSignal(false);
  const dotCount = useSignal(0);

  useEffect(() => {
    const el = box.current!;
    const map = leafletMap(el, {
      zoomControl: false,
      dragging: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
      touchZoom: false,
      zoomSnap: 0.1,
      fadeAnimation: false,
      attributionControl: true,
    }).setView([-2.33, 115.6], 10);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
    map.attributionControl.addAttribution(tx("wall.credits"));
    mapRef.current = map;
    const dots: DotLayer = createDotLayer(map);
    const off = model.onArrivals((arrived, replaced) => {
      // A snapshot's 500 dots are redrawn in the next frame, not in the task that applied the snapshot
      // (and re-rendered every panel): two shorter tasks instead of one long one. Dots added meanwhile
      // are newer than the snapshot and stay.
      if (replaced)
        requestAnimationFrame(() => {
          dots.replace(replaced);
          dotCount.value = dots.count;
          reportsRedrawn(replaced);
        });
      dots.add(arrived);
      dotCount.value = dots.count;
      if (arrived.length) reportDrawn(arrived);
    });
    const expire = setInterval(() => dots.expirePulses(performance.now()), 1_000);
    const fit = () => {
      map.invalidateSize({ animate: false });
      const layer = boundaries.peek();
      if (layer) map.fitBounds(layer.getBounds(), { padding: [12, 12], animate: false });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearInterval(expire);
      off();
      dots.dispose();
      map.remove();
    };
  }, [model]);

  // Base tiles from the configured server; on failure the boundaries stay and a note says why.
  useSignalEffect(() => {
    const config = model.config.value;
    const map = mapRef.current;
    if (!config?.tileUrl || !map) return;
    const tiles = tileLayer(config.tileUrl, { attribution: config.tileAttribution, errorTileUrl: BLANK_TILE });
    tiles.on("tileerror", () => (tilesFailing.value = true));
    tiles.on("tileload", (e) => {
      if ((e.tile as HTMLImageElement).getAttribute("src") !== BLANK_TILE) tilesFailing.value = false;
    });
    tiles.addTo(map);
    return () => void tiles.remove();
  });

  // The eight kecamatan with their names; refitted when they arrive.
  useSignalEffect(() => {
    const fc = model.kecamatan.value;
    const map = mapRef.current;
    if (!fc || !map) return;
    const layer = geoJSON(fc, { style: (f) => styleOf("normal", String(f?.properties?.kode ?? "")), interactive: false });
    layer.addTo(map);
    const labels = fc.features.map((f) => {
      const [lng, lat] = f.properties.label;
      const icon = divIcon({ className: "wall-label-anchor", html: `<span class="wall-label">${escapeHtml(f.properties.nama)}</span>`, iconSize: [0, 0] });
      return marker([lat, lng], { icon, interactive: false, keyboard: false }).addTo(map);
    });
    boundaries.value = layer;
    map.fitBounds(layer.getBounds(), { padding: [12, 12], animate: false });
    return () => {
      layer.remove();
      labels.forEach((l) => l.remove());
      boundaries.value = null;
    };
  });

  // Each kecamatan's colour follows its tile's level (from live alerts).
  useSignalEffect(() => {
    const tiles = model.parts.tiles.value;
    const layer = boundaries.value;
    if (!tiles || !layer) return;
    const levels = new Map(tiles.map((t) => [t.kecamatanKode, t.level]));
    layer.setStyle((f) => styleOf(levels.get(String(f?.properties?.kode ?? "")) ?? "normal", String(f?.properties?.kode ?? "")));
    layer.eachLayer((l) => {
      const kode = String((l as unknown as { feature?: { properties?: { kode?: string } } }).feature?.properties?.kode ?? "");
      const path = (l as unknown as { getElement?: () => Element | undefined }).getElement?.();
      path?.setAttribute("data-level", levels.get(kode) ?? "normal");
    });
  });

  return (
    // The signal itself as the attribute (not its value): it is updated in place, without re-rendering the map.
    <section class="wall-map" aria-label={tx("wall.map.label")} data-testid="wall-map" data-dots={dotCount}>
      <div ref={box} class="wall-map-canvas" />
      {tilesFailing.value ? <div class="wall-map-note">{tx("wall.map.tiles")}</div> : null}
      <DotCount count={dotCount} />
      <ul class="wall-legend">
        {(["normal", "waspada", "siaga", "awas"] as AlertLevel[]).map((l) => (
          <li key={l}>
            <span class="wall-swatch" style={{ background: LEVEL_COLORS[l] }} />
            {tx(`wall.level.${l}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Re-renders alone, every frame that adds dots. */
function DotCount({ count }: { count: Signal<number> }) {
  return <div class="wall-map-count">{tx("wall.map.dots", { n: count.value })}</div>;
}

function styleOf(level: AlertLevel, kode: string) {
  return {
    color: level === "normal" ? "#8fb3d9" : LEVEL_COLORS[level],
    weight: level === "normal" ? 1.5 : 3,
    fillColor: level === "normal" ? "#4f7cac" : LEVEL_COLORS[level],
    fillOpacity: FILL_OPACITY[level],
    // Leaflet sets a path's class once; the level is also written to `data-level` when it changes.
    className: `wall-kecamatan ${kecamatanClass(kode)}`,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
