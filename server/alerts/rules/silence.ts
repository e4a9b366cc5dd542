import type { SilenceParams } from "@contract/alerts.ts";
import type { z } from "zod";
import { HOUR_MS, hoursBefore, type AlertRuleModule, type Finding } from "./rule.ts";
import { silentKecamatan } from "./rules.repo.ts";

type Params = z.infer<typeof SilenceParams>;

/**
 * A kecamatan gone quiet: no report of any kind (situation or periodic) received for `silentHours` — a
 * sign the officer is unreachable, or that something keeps them from reporting. Measured from the
 * kecamatan's last report; a kecamatan that never reported has nothing to fall silent from and is left
 * to the duty scorecard. Twice the silence is siaga.
 */
export const silenceRule: AlertRuleModule<Params> = {
  rule: "silence",
  async evaluate({ db, transaction, now, params, kecamatanNama }) {
    const rows = await silentKecamatan(db, { now: now.toISOString(), since: hoursBefore(now, params.silentHours) }, transaction);
    return rows.map((r): Finding => {
      const hours = Math.floor((now.getTime() - new Date(r.last_at).getTime()) / HOUR_MS);
      const where = kecamatanNama.get(r.kode) ?? r.kode;
      return {
        rule: "silence",
        key: `silence:${r.kode}`,
        severity: hours >= params.silentHours * 2 ? "siaga" : "waspada",
        kecamatanKode: r.kode,
        bidang: null,
        title: `Tidak ada laporan dari ${where}`,
        summary: `Laporan terakhir diterima ${hours} jam yang lalu.`,
        metrics: { silentHours: hours, lastReportAt: new Date(r.last_at).toISOString() },
        reportIds: r.last_id ? [r.last_id] : [],
        areaGeoJson: null,
      };
    });
  },
};
