import type { Kerawanan, ReportStatus } from "@contract/reports.ts";
import { Kerawanan as KerawananEnum, ReportStatus as ReportStatusEnum } from "@contract/reports.ts";
import type { CountsBy, WallReport, WallReportChange } from "@contract/wall.ts";
import { wallPerihal } from "@contract/wall-report.ts";
import type { WallChangeRow, WallReportRow } from "./wall.repo.ts";

/** A report as the wall shows it (a rahasia one with its perihal masked: contract/wall-report.ts). */
export function presentWallReport(r: WallReportRow): WallReport {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    bidang: r.bidang,
    kerawanan: r.kerawanan,
    perihal: wallPerihal(r.classification, r.perihal),
    kecamatanKode: r.kecamatan_kode,
    kecamatanNama: r.kecamatan_nama,
    desaNama: r.desa_nama,
    point: [Number(r.lng), Number(r.lat)],
    receivedAt: new Date(r.received_at).toISOString(),
  };
}

export function presentWallChange(c: WallChangeRow): WallReportChange {
  return { seq: c.seq, kind: c.kind, at: new Date(c.at).toISOString(), report: c.report ? presentWallReport(c.report) : null };
}

/** Zero for every kerawanan (a chart's series never miss a key). */
export function zeroByKerawanan(): Record<Kerawanan, number> {
  return Object.fromEntries(KerawananEnum.options.map((k) => [k, 0])) as Record<Kerawanan, number>;
}

function zeroByStatus(): Record<ReportStatus, number> {
  return Object.fromEntries(ReportStatusEnum.options.map((s) => [s, 0])) as Record<ReportStatus, number>;
}

/** Counts by kerawanan and by status from cells of both. */
export function countsBy(cells: { kerawanan: Kerawanan; status: ReportStatus; n: number }[]): CountsBy {
  const out: CountsBy = { kerawanan: zeroByKerawanan(), status: zeroByStatus(), total: 0 };
  for (const c of cells) {
    out.kerawanan[c.kerawanan] += c.n;
    out.status[c.status] += c.n;
    out.total += c.n;
  }
  return out;
}
