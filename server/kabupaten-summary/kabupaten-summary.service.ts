import type { Sequelize } from "sequelize";
import type { KabupatenSummary, KabupatenSummaryQuery } from "@contract/kabupaten-summary.ts";
import { regionFilter, scopeOf, type Actor } from "../auth/permissions.ts";
import { compileKabupatenSummary } from "./kabupaten-summary.compile.ts";
import { getMonthlyReports } from "./kabupaten-summary.repo.ts";

export interface KabupatenSummaryDeps {
  db: Sequelize;
  /** Every kecamatan, by code: the summary lists each, with or without a report. */
  kecamatanList: () => Promise<{ kode: string; nama: string }[]>;
}

/**
 * The kabupaten monthly situation summary for leaders, admins and verifiers; a verifier with a region
 * sees the kecamatan of that region only, as everywhere else.
 */
export function createKabupatenSummaryService({ db, kecamatanList }: KabupatenSummaryDeps) {
  return {
    async summary(actor: Actor, q: KabupatenSummaryQuery): Promise<KabupatenSummary> {
      const region = scopeOf(actor, "summary.read") === "region" ? regionFilter(actor) : null;
      const kecamatan = (await kecamatanList()).filter((k) => !region || region.includes(k.kode));
      const reports = await getMonthlyReports(db, q.month, region);
      return compileKabupatenSummary({ month: q.month, includeUnverified: q.includeUnverified, kecamatan, reports });
    },
  };
}

export type KabupatenSummaryService = ReturnType<typeof createKabupatenSummaryService>;
