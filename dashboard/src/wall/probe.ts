import type { WallReport } from "@contract/wall.ts";

interface WallProbe {
  drawn(reports: readonly WallReport[], at: number): void;
  /** The snapshot's dots, drawn anew (a report may be among them for the first time). */
  redrawn?(reports: readonly WallReport[], at: number): void;
}

/**
 * A hook for the browser test and the wall-live benchmark, which define `window.__wallProbe` before the
 * page loads (addInitScript): told, in the animation frame that painted them, which new reports were
 * drawn and when (epoch ms), so "submitted → on the screen" is measured on one clock. Absent on a real
 * wall, where this is one property read per frame.
 */
export function reportDrawn(reports: readonly WallReport[]): void {
  const probe = (globalThis as { __wallProbe?: WallProbe }).__wallProbe;
  if (probe) probe.drawn(reports, Date.now());
}

/** The snapshot's recent reports replaced the dots (see `WallProbe.redrawn`). */
export function reportsRedrawn(reports: readonly WallReport[]): void {
  const probe = (globalThis as { __wallProbe?: WallProbe }).__wallProbe;
  probe?.redrawn?.(reports, Date.now());
}
