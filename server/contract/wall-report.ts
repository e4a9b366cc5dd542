import type { ReportView } from "./report-view.ts";
import type { WallReport } from "./wall.ts";

/**
 * What the wall shows of a report, in one place for both of its doors: the live fan-out (from the staff
 * view the change was built as) and the snapshot and change feed (from rows of the wall's own reads).
 *
 * A rahasia report is counted and drawn as a dot like any other (leadership must see that something
 * happened there), but its perihal never reaches a screen in a corridor: it reads `RAHASIA_PERIHAL`.
 */
export const RAHASIA_PERIHAL = "Laporan rahasia";

export function wallPerihal(classification: "biasa" | "rahasia", perihal: string): string {
  return classification === "rahasia" ? RAHASIA_PERIHAL : perihal;
}

/** The wall's shape of a report from its staff view (the live fan-out has that at hand). */
export function wallReportOfView(v: ReportView): WallReport {
  return {
    id: v.id,
    number: v.number,
    kind: v.kind,
    status: v.status,
    bidang: v.bidang,
    kerawanan: v.kerawanan,
    perihal: wallPerihal(v.classification, v.perihal),
    kecamatanKode: v.kecamatan.kode,
    kecamatanNama: v.kecamatan.nama,
    desaNama: v.desa?.nama ?? null,
    point: [v.location.lng, v.location.lat],
    receivedAt: v.receivedAt,
  };
}
