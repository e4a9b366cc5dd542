import type { Sequelize } from "sequelize";
import { PUBLIC_MAP_MAX_POINTS, type PublicMap, type PublicMapQuery } from "@contract/public-reports.ts";
import { Kerawanan } from "@contract/reports.ts";
import type { NamedRegion } from "../regions/point-locator.ts";
import { countPublicByKecamatan, listPublicPoints } from "./public-map.repo.ts";

/**
 * The public situation map for a filter: every matching publication as a point (the newest
 * PUBLIC_MAP_MAX_POINTS; published reports are curated, so that is years of them) and a count per kecamatan —
 * all eight, a quiet kecamatan showing 0 rather than missing.
 */
export function createPublicMapService(db: Sequelize, kecamatanList: () => Promise<NamedRegion[]>) {
  return {
    async map(q: PublicMapQuery): Promise<PublicMap> {
      const [rows, counts, kecamatan] = await Promise.all([listPublicPoints(db, q, PUBLIC_MAP_MAX_POINTS + 1), countPublicByKecamatan(db, q), kecamatanList()]);
      const points = rows.slice(0, PUBLIC_MAP_MAX_POINTS).map((r) => ({
        id: r.report_id,
        title: r.title,
        bidang: r.bidang,
        kerawanan: r.kerawanan,
        day: r.day,
        location: { lat: Number(r.lat), lng: Number(r.lng) },
        kecamatanKode: r.kecamatan_kode,
      }));
      const summary = kecamatan
        .filter((k) => !q.kecamatan || k.kode === q.kecamatan)
        .map((k) => {
          const byLevel = Object.fromEntries(Kerawanan.options.map((level) => [level, 0])) as Record<Kerawanan, number>;
          for (const c of counts) if (c.kecamatan_kode === k.kode) byLevel[c.kerawanan] += c.n;
          return { kecamatan: { kode: k.kode, nama: k.nama }, total: Object.values(byLevel).reduce((a, b) => a + b, 0), kerawanan: byLevel };
        });
      return { points, truncated: rows.length > PUBLIC_MAP_MAX_POINTS, summary };
    },
  };
}

export type PublicMapService = ReturnType<typeof createPublicMapService>;
