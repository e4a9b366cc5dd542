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

interface Dot {
  id: string;
  lng: number;
  lat: number;
  color: number;
  /** Epoch ms the server received the report. */
  received: number;
}

/** The contract's point is [lon, lat]; Leaflet wants lat first: the one swap is where dots are drawn. */
const dotOf = (r: WallReport): Dot => ({ id: r.id, lng: r.point[0], lat: r.point[1], color: KERAWANAN_INDEX[r.kerawanan] ?? 0, received: Date.parse(r.receivedAt) });

/** The snapshot's recent reports (≤ 500) and some room: the map holds this many dots, oldest dropped first. */
export const DOT_CAPACITY = 600;
/**
 * Pulsing markers: a fixed pool of DOM elements with a CSS animation, reused oldest first. New pulses
 * are rationed (a bucket of PULSE_POOL refilled at one per PULSE_EVERY_MS): a lone report always pulses,
 * a flood of 100 a second pulses a few of its newest — creating and dropping an animated layer per report
 * would cost the page more than the flood itself.
 */
export const PULSE_POOL = 12;
const PULSE_EVERY_MS = 200;
const PULSE_MS = 2_400;

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
  /** Which report each dot is and when it arrived: a snapshot keeps the dots that are newer than it. */
  const ids: (string | null)[] = new Array<string | null>(DOT_CAPACITY).fill(null);
  const received = new Float64Array(DOT_CAPACITY);
  let head = 0;
  let size = 0;
  let dpr = 1;
  let radius = 4;
  const pool = Array.from({ length: PULSE_POOL }, () => ({ el: DomUtil.create("div", "wall-pulse is-idle", pulses), until: 0, flip: false }));
  let nextPulse = 0;
  let tokens = PULSE_POOL;
  let tokensAt = 0;

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

  function push(d: Dot): number {
    const i = head;
    lng[i] = d.lng;
    lat[i] = d.lat;
    color[i] = d.color;
    ids[i] = d.id;
    received[i] = d.received;
    head = (head + 1) % DOT_CAPACITY;
    size = Math.min(size + 1, DOT_CAPACITY);
    return i;
  }

  const dotAt = (i: number): Dot => ({ id: ids[i]!, lng: lng[i]!, lat: lat[i]!, color: color[i]!, received: received[i]! });

  function pulse(r: WallReport, now: number) {
    const slot = pool[nextPulse]!;
    nextPulse = (nextPulse + 1) % PULSE_POOL;
    // Two names for the same keyframes: switching the name restarts the animation without a reflow.
    slot.flip = !slot.flip;
    slot.el.className = `wall-pulse wall-pulse--${r.kerawanan} ${slot.flip ? "is-a" : "is-b"}`;
    slot.el.dataset.reportId = r.id;
    const p = map.latLngToContainerPoint([r.point[1], r.point[0]]);
    slot.el.style.transform = `translate(${p.x}px, ${p.y}px)`;
    slot.until = now + PULSE_MS;
  }

  function pulsesAllowed(now: number, wanted: number): number {
    tokens = Math.min(PULSE_POOL, tokens + (now - tokensAt) / PULSE_EVERY_MS);
    tokensAt = now;
    const n = Math.min(wanted, Math.floor(tokens));
    tokens -= n;
    return n;
  }

  function expirePulses(now: number) {
    for (const slot of pool) {
      if (slot.until !== 0 && slot.until <= now) {
        slot.until = 0;
        slot.el.classList.add("is-idle");
      }
    }
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
        const i = push(dotOf(r));
        if (!wraps) dot(i);
      }
      if (wraps) redraw(); // dropped dots must disappear
      const n = pulsesAllowed(now, reports.length);
      if (n > 0) for (const r of reports.slice(-n)) pulse(r, now);
    },
    /**
     * The snapshot's recent reports (newest first) replace the dots; nothing pulses. Dots of reports that
     * arrived after the snapshot's reads (newer than its newest, not in it) stay on top: no change will
     * bring them again.
     */
    replace(reportsNewestFirst: readonly WallReport[]) {
      const newest = reportsNewestFirst.reduce((m, r) => Math.max(m, Date.parse(r.receivedAt)), 0);
      const listed = new Set(reportsNewestFirst.map((r) => r.id));
      const keep: Dot[] = [];
      const start = (head - size + DOT_CAPACITY) % DOT_CAPACITY;
      for (let n = 0; n < size; n++) {
        const i = (start + n) % DOT_CAPACITY;
        if (received[i]! > newest && ids[i] && !listed.has(ids[i]!)) keep.push(dotAt(i));
      }
      head = 0;
      size = 0;
      for (let k = Math.min(reportsNewestFirst.length, DOT_CAPACITY) - 1; k >= 0; k--) push(dotOf(reportsNewestFirst[k]!));
      for (const d of keep) push(d);
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
