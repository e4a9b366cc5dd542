import type { AlertView, KecamatanAlertLevel } from "@contract/alerts.ts";
import { useEffect, useRef } from "preact/hooks";
import { geoJSON, latLngBounds, type LatLngBounds } from "leaflet";
import { CircleMarker, GeoJSON, Pane, Tooltip, useMap } from "react-leaflet";
import { routePath } from "../app/access.ts";
import { navigate } from "../app/router.ts";
import { KERAWANAN_COLORS } from "../map/kerawanan.ts";
import type { KecamatanCollection } from "../map/map-data.model.ts";
import { areaOf } from "./alert-area.ts";
import { ALERT_LEVELS, LEVEL_COLORS, LEVEL_TEXT, levelOf, levelsByKode, levelStyle } from "./alert-levels.ts";
import type { Evidence } from "./alerts.model.ts";
import { tx } from "./messages.ts";

/** Under the boundaries' pane (350): the level colours the ground, the outlines and names stay on top. */
const LEVEL_PANE = "alert-levels";
/** Above the overlay pane (400): a report's dot is never under a hotspot's area. */
const EVIDENCE_PANE = "alert-evidence";

/**
 * Each kecamatan filled with its alert level's colour. Keyed by level, so a change of level draws the
 * area anew with its class (Leaflet sets a path's class names only when it is made). Not interactive:
 * the side panel lists each kecamatan's level in words.
 */
export function KecamatanLevels({ kecamatan, levels }: { kecamatan: KecamatanCollection; levels: readonly KecamatanAlertLevel[] }) {
  const byKode = levelsByKode(levels);
  return (
    <>
      <Pane name={LEVEL_PANE} style={{ zIndex: 340 }} />
      {kecamatan.features.map((f) => {
        const kode = f.properties.kode;
        const level = levelOf(byKode, kode);
        return <GeoJSON key={`${kode}-${level}`} data={f} style={levelStyle(level, kode)} pane={LEVEL_PANE} interactive={false} />;
      })}
    </>
  );
}

/** Hotspot alerts' areas, dashed; clicking one selects its alert. */
export function HotspotAreas({ alerts, selectedId, onSelect }: { alerts: readonly AlertView[]; selectedId: string | null; onSelect(id: string): void }) {
  return (
    <>
      {alerts.map((a) => {
        const area = areaOf(a.area);
        if (!area) return null;
        const selected = a.id === selectedId;
        return (
          <GeoJSON
            key={`${a.id}-${a.updatedAt}-${selected}`}
            data={area}
            style={{
              color: LEVEL_COLORS[a.severity],
              weight: selected ? 4 : 2,
              dashArray: "6 4",
              fillColor: LEVEL_COLORS[a.severity],
              fillOpacity: selected ? 0.3 : 0.15,
              className: `alert-area${selected ? " alert-area--selected" : ""}`,
            }}
            eventHandlers={{ click: () => onSelect(a.id) }}
          >
            <Tooltip sticky>{a.title}</Tooltip>
          </GeoJSON>
        );
      })}
    </>
  );
}

/**
 * The selected alert's evidence reports as dots coloured by kerawanan; clicking one opens the report.
 * The map fits them (and the hotspot's area) once per alert, then leaves the view to the reader.
 */
export function EvidenceMarkers({ alert, evidence }: { alert: AlertView; evidence: ReadonlyMap<string, Evidence> }) {
  const map = useMap();
  const fitted = useRef<string | null>(null);
  const reports = [...evidence.values()].flatMap((e) => (e.ok && e.report.kind === "situation" ? [e.report] : []));
  useEffect(() => {
    if (fitted.current === alert.id || !reports.length) return;
    fitted.current = alert.id;
    const bounds: LatLngBounds = latLngBounds(reports.map((r) => [r.location.lat, r.location.lng] as [number, number]));
    const area = areaOf(alert.area);
    // Leaflet's GeoJSON reader does the [lng, lat] → LatLng swap.
    if (area) bounds.extend(geoJSON(area).getBounds());
    map.fitBounds(bounds, { padding: [60, 60], maxZoom: 12 });
  }, [map, alert.id, reports.length]);

  return (
    <>
      <Pane name={EVIDENCE_PANE} style={{ zIndex: 450 }} />
      {reports.map((r) => (
        <CircleMarker
          key={r.id}
          center={[r.location.lat, r.location.lng]}
          radius={8}
          pane={EVIDENCE_PANE}
          // A path's class is set only when Leaflet makes it: an option of its own, not a style.
          className="alert-evidence-dot"
          pathOptions={{ color: "#ffffff", weight: 2, fillColor: KERAWANAN_COLORS[r.kerawanan], fillOpacity: 1 }}
          eventHandlers={{ click: () => navigate(routePath("reportDetail", { id: r.id })) }}
        >
          <Tooltip>
            {r.number} — {r.perihal}
          </Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}

/** The colour key of the levels, over the map's corner, each in words. */
export function LevelLegend() {
  return (
    <div class="alert-legend" aria-label={tx("alerts.level.legend")}>
      {ALERT_LEVELS.map((level) => (
        <span key={level} class="alert-legend-item">
          <span class="alert-legend-swatch" style={{ background: LEVEL_COLORS[level], color: LEVEL_TEXT[level] }} aria-hidden="true" />
          {tx(`alerts.level.${level}`)}
        </span>
      ))}
    </div>
  );
}
