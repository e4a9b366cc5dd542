export interface Fix {
  lat: number;
  lng: number;
  accuracyM: number;
  at: number;
}

export type GpsFailure = "denied" | "unavailable" | "timeout";

/** Stop improving once the fix is this good: more waiting buys nothing a report needs. */
const GOOD_ENOUGH_M = 25;
const GIVE_UP_MS = 60_000;

/**
 * Watch the GPS and report each better fix, because the first fix on a cold phone is often a cell-tower
 * guess (± 1 km) that sharpens over the next seconds. Stops itself once good enough or after a minute;
 * returns a stop function.
 */
export function watchBestFix(onFix: (fix: Fix, final: boolean) => void, onError: (failure: GpsFailure) => void): () => void {
  if (typeof navigator === "undefined" || !navigator.geolocation) {
    onError("unavailable");
    return () => undefined;
  }
  let best: Fix | null = null;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    navigator.geolocation.clearWatch(watchId);
    clearTimeout(timer);
  };
  const watchId = navigator.geolocation.watchPosition(
    (pos) => {
      const fix: Fix = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy), at: pos.timestamp || Date.now() };
      if (best && fix.accuracyM > best.accuracyM) return;
      best = fix;
      const final = fix.accuracyM <= GOOD_ENOUGH_M;
      if (final) stop();
      onFix(fix, final);
    },
    (err) => {
      // A timeout after a usable fix is just the end of improving.
      if (best && err.code === err.TIMEOUT) {
        stop();
        return onFix(best, true);
      }
      stop();
      onError(err.code === err.PERMISSION_DENIED ? "denied" : err.code === err.TIMEOUT ? "timeout" : "unavailable");
    },
    // maximumAge 0: a fix cached from somewhere else (the last report's place) must never be taken for here.
    { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
  );
  const timer = setTimeout(() => {
    stop();
    if (best) onFix(best, true);
    else onError("timeout");
  }, GIVE_UP_MS);
  return stop;
}
