import type { AlertSeverity, HotspotParams } from "@contract/alerts.ts";
import type { z } from "zod";
import { EVIDENCE_MAX, hoursBefore, type AlertRuleModule, type Finding } from "./rule.ts";
import { liveHotspotEvidence, reportClusters } from "./rules.repo.ts";

type Params = z.infer<typeof HotspotParams>;

/** Metres per degree near the equator; Balangan (2.3° S) is close enough that one value serves both axes. */
const METRES_PER_DEGREE = 111_320;

/** Severity by size: the minimum is waspada, twice it siaga, four times it (or any sangat_tinggi report) awas. */
export function hotspotSeverity(size: number, severeReports: number, params: Params): AlertSeverity {
  if (size >= params.minReports * 4 || severeReports > 0) return "awas";
  if (size >= params.minReports * 2) return "siaga";
  return "waspada";
}

/**
 * Places where recent situation reports gather: DBSCAN over the last `windowHours` (any report within
 * `radiusM` of another joins its cluster; a cluster needs `minReports`), drawn as the cluster's hull
 * widened by half the radius. A cluster keeps the alert of an earlier run it shares a report with, so one
 * that grows escalates its alert instead of opening a second; a new one is named by its first report.
 */
export const hotspotRule: AlertRuleModule<Params> = {
  rule: "hotspot",
  async evaluate({ db, transaction, now, params, kecamatanNama }) {
    const eps = params.radiusM / METRES_PER_DEGREE;
    const clusters = await reportClusters(
      db,
      { since: hoursBefore(now, params.windowHours), now: now.toISOString(), eps, minPoints: params.minReports },
      transaction,
    );
    if (!clusters.length) return [];
    // Live hotspot alerts and their evidence: a cluster sharing a report with one is that alert, grown.
    const live = await liveHotspotEvidence(db, transaction);
    const keyOfReport = new Map<string, string>();
    for (const alert of live) for (const id of alert.ids) keyOfReport.set(id, alert.key);
    const taken = new Set<string>();
    return clusters.map((c): Finding => {
      const inherited = c.ids.map((id) => keyOfReport.get(id)).find((key) => key && !taken.has(key));
      const key = inherited ?? `hotspot:${c.ids[0]}`;
      taken.add(key);
      const where = kecamatanNama.get(c.kecamatan_kode) ?? c.kecamatan_kode;
      return {
        rule: "hotspot",
        key,
        severity: hotspotSeverity(c.size, c.severe, params),
        kecamatanKode: c.kecamatan_kode,
        bidang: null,
        title: `Titik rawan di ${where}`,
        summary: `${c.size} laporan dalam radius ${(params.radiusM / 1000).toLocaleString("id-ID")} km selama ${params.windowHours} jam terakhir.`,
        metrics: { reports: c.size, radiusM: params.radiusM, windowHours: params.windowHours },
        reportIds: c.ids.slice(-EVIDENCE_MAX),
        areaGeoJson: c.area,
      };
    });
  },
};
