import type { CriticalParams } from "@contract/alerts.ts";
import type { z } from "zod";
import { BIDANG_LABEL, hoursBefore, type AlertRuleModule, type Finding } from "./rule.ts";
import { criticalReports } from "./rules.repo.ts";

/**
 * A single report serious enough to warn on its own: kerawanan `sangat_tinggi` (awas), or `tinggi` with
 * casualties (siaga). One alert per report, live while the report is recent and not rejected. Titles name
 * the report's number, kecamatan and bidang, never its perihal: the wall is read by the whole room and a
 * report may be `rahasia`.
 */
export const criticalRule: AlertRuleModule<z.infer<typeof CriticalParams>> = {
  rule: "critical",
  async evaluate({ db, transaction, now, params, kecamatanNama }) {
    const rows = await criticalReports(db, { since: hoursBefore(now, params.windowHours), now: now.toISOString() }, transaction);
    return rows.map((r): Finding => {
      const where = kecamatanNama.get(r.kecamatan_kode) ?? r.kecamatan_kode;
      const what = r.bidang ? `bidang ${BIDANG_LABEL[r.bidang]}` : "laporan";
      const severe = r.kerawanan === "sangat_tinggi";
      return {
        rule: "critical",
        key: `critical:${r.id}`,
        severity: severe ? "awas" : "siaga",
        kecamatanKode: r.kecamatan_kode,
        bidang: r.bidang,
        title: severe ? `Kerawanan sangat tinggi di ${where}` : `Kerawanan tinggi dengan korban di ${where}`,
        summary: `Laporan ${r.number} (${what})${r.korban > 0 ? `, korban ${r.korban} orang` : ""}.`,
        metrics: { kerawanan: r.kerawanan, korban: r.korban },
        reportIds: [r.id],
        areaGeoJson: null,
      };
    });
  },
};
