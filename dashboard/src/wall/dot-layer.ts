import { DomUtil, type Map as LeafletMap } from "leaflet";
import type { Kerawanan } from "@contract/reports.ts";
import type { WallReport } from "@contract/wall.ts";

/** Bright enough on the dark map; the same order everywhere on the wall (green → dark red). */
export const WALL_KERAWANAN_COLORS: Record<Kerawanan, string> = {
  rendah: "#66bb6a",
  sedang: "#ffd54f",
  tinggi: "#ff7043",
  sangat_tinggi: "#ff1744",
};
const KERAWANAN_INDEX: Record<Kerawanan, number> = { rendah: 0, sedang: 1, tinggi: 2, sangat_tinggi: 3 };
const COLORS = Object.values(WALL_KERAWANAN_COLORS);

/** The snapshot's recent reports (≤ 500) and some room: the map holds this many dots, oldest dropped first. */
export const DOT_CAPACITY = 600;
/** Pulsing markers at once: DOM elements with a CSS animation; a burst of 100 a second keeps only the newest. */
export const PULSE_MAX = 12;
const PULSE_MS = 4_000;

/**
 * The report dots of the wall: one canvas under a few pulsing DOM markers. A Leaflet marker per report
 * would be a DOM element (or a canvas layer object) per dot, and at 100 reports a second the page would
 * grow and slow by the minute. Here the dots live in a fixed ring of typed arrays, so memory stays flat
 * however long the wall runs; new dots are painted on top without redrawing the rest, and the whole
 * canvas is redrawn only when the ring wraps or the map is resized. Only the newest reports pulse.
 */
export function createDotLayer(map: LeafletMap) {
  const pane = map.createPane("wall-dots");
  pane.style.zIndex = "450";
  pane.style.pointerEvents = "none";
  const canvas = DomUtil.create("canvas", "wall-dots-canvas", pane) as HTMLCanvasElement;
  const pulses = DomUtil.create("div", "wall-pulses", pane);
  const ctx = canvas.getContext("2d")!;

  const lat = new Float64Array(DOT_CAPACITY);
  const lng = new Float64Array(DOT_CAPACITY);
  const color = new Uint8Array(DOT_CAPACITY);
  let head = 0;
  let size = 0;
  let dpr = 1;
  let radius = 4;
  const live: { el: HTMLElement; until: number }[] = [];

  function place() {
    const origin = map.containerPointToLayerPoint([0, 0]);
    DomUtil.setPosition(canvas, origin);
    DomUtil.setPosition(pulses, origin);
    const { x, y } = map.getSize();
    dpr = window.devicePixelRatio || 1;
    // Dots grow with the screen: 4 px on a 1920-wide wall, 8 px on a 3840-wide one.
    radius = Math.max(3, Math.round(window.innerWidth / 480));
    canvas.width = Math.round(x * dpr);
    canvas.height = Math.round(y * dpr);
    canvas.style.width = `${x}px`;
    canvas.style.height = `${y}px`;
    redraw();
  }

  function dot(i: number) {
    const p = map.latLngToContainerPoint([lat[i]!, lng[i]!]);
    ctx.beginPath();
    ctx.arc(p.x * dpr, p.y * dpr, radius * dpr, 0, Math.PI * 2);
    ctx.fillStyle = COLORS[color[i]!]!;
    ctx.fill();
    ctx.stroke();
  }

  function redraw() {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = dpr;
    ctx.strokeStyle = "rgba(0,0,0,0.6)";
    const start = (head - size + DOT_CAPACITY) % DOT_CAPACITY;
    for (let n = 0; n < size; n++) dot((start + n) % DOT_CAPACITY);
  }

  function push(r: WallReport): number {
    const i = head;
    // The contract's point is [lon, lat]; Leaflet wants lat first: the one swap, here.
    lng[i] = r.point[0];
    lat[i] = r.point[1];
    color[i] = KERAWANAN_INDEX[r.kerawanan] ?? 0;
    head = (head + 1) % DOT_CAPACITY;
    size = Math.min(size + 1, DOT_CAPACITY);
    return i;
  }

  function pulse(r: WallReport, now: number) {
    const el = DomUtil.create("div", `wall-pulse wall-pulse--${r.kerawanan}`, pulses);
    el.dataset.reportId = r.id;
    const p = map.latLngToContainerPoint([r.point[1], r.point[0]]);
    el.style.transform = `translate(${p.x}px, ${p.y}px)`;
    live.push({ el, until: now + PULSE_MS });
    while (live.length > PULSE_MAX) live.shift()!.el.remove();
  }

  function expirePulses(now: number) {
    while (live.length && live[0]!.until <= now) live.shift()!.el.remove();
  }

  map.on("resize zoomend moveend viewreset", place);
  place();

  return {
    /** New reports, in arrival order: painted at once, the newest few pulsing. */
    add(reports: readonly WallReport[], now = performance.now()) {
      expirePulses(now);
      if (!reports.length) return;
      const wraps = size + reports.length > DOT_CAPACITY;
      ctx.lineWidth = dpr;
      ctx.strokeStyle = "rgba(0,0,0,0.6)";
      for (const r of reports) {
        const i = push(r);
        if (!wraps) dot(i);
      }
      if (wraps) redraw(); // dropped dots must disappear
      for (const r of reports.slice(-PULSE_MAX)) pulse(r, now);
    },
    /** The snapshot's recent reports (newest first) replace every dot; nothing pulses. */
    replace(reportsNewestFirst: readonly WallReport[]) {
      head = 0;
      size = 0;
      for (let k = Math.min(reportsNewestFirst.length, DOT_CAPACITY) - 1; k >= 0; k--) push(reportsNewestFirst[k]!);
      redraw();
    },
    expirePulses,
    get count() {
      return size;
    },
    dispose() {
      map.off("resize zoomend moveend viewreset", place);
      pane.remove();
    },
  };
}

export type DotLayer = ReturnType<typeof createDotLayer>;
