import type { ReportLocation } from "@contract/reports.ts";
import { toLatLng } from "@geo/point.ts";
import { loadLastFix } from "../location/last-fix.ts";
import type { RegionCollection } from "../regions/regions.model.ts";

/** A fix older than this says little about where the officer is now. */
const FIX_MAX_AGE_MS = 12 * 3_600_000;

/**
 * Where a periodic report is filed when the officer does not say: the last GPS fix if recent, else the
 * label point of their kecamatan (a pin, since nobody stood there).
 */
export function defaultLocation(kecamatanKode: string | null, kecamatan: RegionCollection | null, now = Date.now()): { location: ReportLocation; from: "gps" | "centroid" } | null {
  const fix = loadLastFix();
  if (fix && now - fix.at < FIX_MAX_AGE_MS) return { location: { lat: fix.lat, lng: fix.lng, accuracyM: fix.accuracyM, source: "gps" }, from: "gps" };
  const label = kecamatan?.features.find((f) => f.properties.kode === kecamatanKode)?.properties.label;
  if (!label) return null;
  const { lat, lng } = toLatLng(label);
  return { location: { lat, lng, accuracyM: null, source: "pin" }, from: "centroid" };
}
