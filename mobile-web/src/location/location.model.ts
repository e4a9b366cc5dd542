import { action, createModel, signal } from "@preact/signals";
import type { ReportLocation } from "@contract/reports.ts";
import type { LatLng } from "@geo/point.ts";
import { watchBestFix, type GpsFailure } from "./gps.ts";
import { saveLastFix } from "./last-fix.ts";

export type GpsState = { state: "idle" } | { state: "busy" } | { state: "failed"; failure: GpsFailure };

/** The location of one report being written: from GPS (with accuracy) or a pin the officer placed. */
export const LocationModel = createModel((initial: ReportLocation | null) => {
  const value = signal<ReportLocation | null>(initial);
  const gps = signal<GpsState>({ state: "idle" });
  let stop: (() => void) | null = null;

  const stopGps = action(() => {
    stop?.();
    stop = null;
    if (gps.value.state === "busy") gps.value = { state: "idle" };
  });

  const startGps = action(() => {
    stop?.();
    gps.value = { state: "busy" };
    stop = watchBestFix(
      (fix, final) => {
        value.value = { lat: fix.lat, lng: fix.lng, accuracyM: fix.accuracyM, source: "gps" };
        saveLastFix(fix);
        if (final) gps.value = { state: "idle" };
      },
      (failure) => (gps.value = { state: "failed", failure }),
    );
  });

  /** A pin replaces the GPS fix and stops the GPS from moving it again. */
  const setPin = action((p: LatLng) => {
    stopGps();
    value.value = { lat: round6(p.lat), lng: round6(p.lng), accuracyM: null, source: "pin" };
  });

  return { value, gps, startGps, stopGps, setPin };
});

export type LocationState = InstanceType<typeof LocationModel>;

/** ~10 cm: more digits only pretend to a precision no pin has. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
