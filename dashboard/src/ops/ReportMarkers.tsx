import type { Kerawanan, ReportView } from "@contract/reports.ts";
import { CircleMarker, Pane, Tooltip } from "react-leaflet";
import { KERAWANAN_COLORS, KERAWANAN_LEVELS } from "../map/kerawanan.ts";

/**
 * One pane per kerawanan, stacked by seriousness: a red dot is never buried under a green one, whatever
 * order the reports arrived in (Leaflet stacks paths in the order they were added, not as rendered).
 */
const paneOf = (level: Kerawanan) => `reports-${level}`;

/** Incoming reports as dots coloured by kerawanan; the ops feed keeps few enough for plain markers. */
export function ReportMarkers({ reports }: { reports: ReportView[] }) {
  return (
    <>
      {KERAWANAN_LEVELS.map((level, i) => (
        <Pane key={level} name={paneOf(level)} style={{ zIndex: 410 + i * 10 }}>
          {reports
            .filter((r) => r.kerawanan === level)
            .map((r) => (
              <CircleMarker
                key={r.id}
                center={[r.location.lat, r.location.lng]}
                radius={7}
                // Read once when Leaflet creates the path; a change of level moves the report to another pane.
                className={`ops-marker ops-marker--${level}`}
                pathOptions={{ color: "#ffffff", weight: 1.5, fillColor: KERAWANAN_COLORS[level], fillOpacity: 0.95 }}
              >
                <Tooltip direction="top" offset={[0, -6]}>
                  <strong>{r.number}</strong> {r.perihal}
                </Tooltip>
              </CircleMarker>
            ))}
        </Pane>
      ))}
    </>
  );
}
