import type { Kerawanan, ReportView } from "@contract/reports.ts";
import { collapseByIncident, isIncidentGroup, type IncidentView } from "@contract/incidents.ts";
import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { CircleMarker, Pane, Polyline, Tooltip, useMap } from "react-leaflet";
import { t } from "../i18n/i18n.ts";
import { KERAWANAN_COLORS, KERAWANAN_LEVELS } from "../map/kerawanan.ts";
import { spiderLayout, stackPoints } from "./spiderfy.ts";

/**
 * One pane per kerawanan, stacked by seriousness: a red dot is never buried under a green one, whatever
 * order the reports arrived in (Leaflet stacks paths in the order they were added, not as rendered).
 */
const paneOf = (level: Kerawanan) => `reports-${level}`;
const rank = (level: Kerawanan) => KERAWANAN_LEVELS.indexOf(level);

/** What the map draws for one spot: a report, or an incident standing for its reports (drawn once). */
interface Mark {
  key: string;
  /** The report the list selects when this is clicked. */
  reportId: string;
  reportIds: string[];
  lat: number;
  lng: number;
  level: Kerawanan;
  rahasia: boolean;
  label: string;
  incident: boolean;
}

function marksOf(reports: ReportView[], incidents: IncidentView[]): Mark[] {
  return collapseByIncident(reports, incidents).map((item): Mark => {
    if (!isIncidentGroup(item)) {
      const r = item;
      return { key: r.id, reportId: r.id, reportIds: [r.id], lat: r.location.lat, lng: r.location.lng, level: r.kerawanan, rahasia: r.classification === "rahasia", label: `${r.number} ${r.perihal}`, incident: false };
    }
    const { incident, reports: members } = item;
    const at = incident.location ?? members[0]!.location;
    return {
      key: `incident-${incident.id}`,
      reportId: members[0]!.id,
      reportIds: members.map((m) => m.id),
      lat: at.lat,
      lng: at.lng,
      level: incident.kerawanan,
      rahasia: incident.rahasia,
      label: `${incident.number} ${incident.title} (${t("incident.reportCount", { count: incident.reportCount })})`,
      incident: true,
    };
  });
}

interface Props {
  /** Situation reports only: periodic reports have no place on the incident map. */
  reports: ReportView[];
  incidents: IncidentView[];
  selectedId: string | null;
  onSelect(reportId: string): void;
}

/**
 * The queue's situation reports as dots coloured by kerawanan, an incident once for all its reports.
 * Dots on one spot become one numbered stack that fans out (spiderfies) when clicked; clicking a dot
 * selects its report in the list, and selecting in the list pans here and rings the dot.
 */
export function ReportMarkers({ reports, incidents, selectedId, onSelect }: Props) {
  const map = useMap();
  const [view, setView] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    const moved = () => setView((v) => v + 1);
    const closed = () => setOpen(null);
    map.on("zoomend", moved);
    map.on("zoomstart", closed);
    map.on("click", closed);
    return () => void (map.off("zoomend", moved), map.off("zoomstart", closed), map.off("click", closed));
  }, [map]);

  const marks = marksOf(reports, incidents);
  const selected = marks.find((m) => selectedId !== null && m.reportIds.includes(selectedId)) ?? null;
  useEffect(() => {
    if (selected) map.panTo([selected.lat, selected.lng], { animate: true });
  }, [selectedId]);

  void view; // the stacks depend on the zoom: re-rendered on zoomend
  const stacks = stackPoints(marks.map((m) => ({ ...map.latLngToLayerPoint([m.lat, m.lng]), item: m })));
  const dots: { mark: Mark; lat: number; lng: number; leg?: [number, number] }[] = [];
  const piles: { key: string; lat: number; lng: number; members: Mark[] }[] = [];
  for (const stack of stacks) {
    const head = stack.items[0]!;
    if (stack.items.length === 1) dots.push({ mark: head, lat: head.lat, lng: head.lng });
    else if (open === head.key || (selected !== null && stack.items.includes(selected))) {
      spiderLayout(stack.at, stack.items.length).forEach((p, i) => {
        const at = map.layerPointToLatLng([p.x, p.y]);
        dots.push({ mark: stack.items[i]!, lat: at.lat, lng: at.lng, leg: [head.lat, head.lng] });
      });
    } else piles.push({ key: head.key, lat: head.lat, lng: head.lng, members: stack.items });
  }

  return (
    <>
      {KERAWANAN_LEVELS.map((level, i) => (
        <Pane key={level} name={paneOf(level)} style={{ zIndex: 410 + i * 10 }}>
          {piles
            .filter((p) => p.members.reduce((top, m) => (rank(m.level) > rank(top) ? m.level : top), "rendah" as Kerawanan) === level)
            .map((p) => (
              <CircleMarker
                key={`pile-${p.key}`}
                center={[p.lat, p.lng]}
                radius={10}
                className={`ops-marker ops-marker--${level} ops-marker--stack`}
                pathOptions={{ color: "#1a1a1a", weight: 2, fillColor: KERAWANAN_COLORS[level], fillOpacity: 0.95 }}
                bubblingMouseEvents={false}
                eventHandlers={{ click: () => setOpen(p.key) }}
              >
                <Tooltip direction="top" offset={[0, -8]}>
                  {t("map.stack", { count: p.members.length })}
                </Tooltip>
              </CircleMarker>
            ))}
          {dots
            .filter((d) => d.mark.level === level)
            .map(({ mark, lat, lng, leg }) => (
              <Fragment key={mark.key}>
                {leg ? <Polyline positions={[leg, [lat, lng]]} pathOptions={{ color: "#455a64", weight: 1 }} /> : null}
                <CircleMarker
                  center={[lat, lng]}
                  radius={mark === selected ? 10 : 7}
                  // Read once when Leaflet creates the path; a change of level moves the report to another pane.
                  className={`ops-marker ops-marker--${level}${mark.incident ? " ops-marker--incident" : ""}${mark.rahasia ? " ops-marker--rahasia" : ""}`}
                  pathOptions={{
                    color: mark === selected ? "#0d47a1" : mark.rahasia ? "#4a148c" : "#ffffff",
                    weight: mark === selected ? 4 : mark.rahasia || mark.incident ? 3 : 1.5,
                    dashArray: mark.incident ? "3 2" : undefined,
                    fillColor: KERAWANAN_COLORS[level],
                    fillOpacity: 0.95,
                  }}
                  bubblingMouseEvents={false}
                  eventHandlers={{ click: () => onSelect(mark.reportId) }}
                >
                  <Tooltip direction="top" offset={[0, -6]}>
                    {mark.rahasia ? `[${t("report.rahasia")}] ` : ""}
                    {mark.label}
                  </Tooltip>
                </CircleMarker>
              </Fragment>
            ))}
        </Pane>
      ))}
    </>
  );
}
