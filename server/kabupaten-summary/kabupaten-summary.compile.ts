import { z } from "zod";
import { Bidang, MonthlyBody, type ReportStatus } from "@contract/reports.ts";
import {
  COUNTED_STATUSES,
  COUNTED_STATUSES_WITH_UNVERIFIED,
  type KabupatenSummary,
  type SummaryKecamatan,
  type SummaryTally,
  type SummaryText,
} from "@contract/kabupaten-summary.ts";
import type { MonthlyReportRow } from "./kabupaten-summary.repo.ts";

type Body = z.infer<typeof MonthlyBody>;

export interface SummaryInput {
  month: string;
  includeUnverified: boolean;
  /** The kecamatan the reader may see, in the order the summary lists them. */
  kecamatan: { kode: string; nama: string }[];
  /** Their monthly reports of the month, first received first. */
  reports: MonthlyReportRow[];
}

/** A stored body read as the monthly form has it; one stored under an older form reads as blank, never fails the summary. */
function bodyOf(row: MonthlyReportRow): Body {
  const parsed = MonthlyBody.safeParse(row.body);
  return parsed.success ? parsed.data : MonthlyBody.parse({ athg: {} });
}

/**
 * The kabupaten summary of one month from its kecamatan monthly reports: pure, so the rule reads in one
 * place. Tallies are summed over the counted reports only; texts keep their kecamatan, report and officer.
 */
export function compileKabupatenSummary(input: SummaryInput): KabupatenSummary {
  const countedStatuses = input.includeUnverified ? COUNTED_STATUSES_WITH_UNVERIFIED : COUNTED_STATUSES;
  const counts = (status: string) => countedStatuses.includes(status as ReportStatus);
  const namaOf = new Map(input.kecamatan.map((k) => [k.kode, k.nama]));
  const counted = input.reports.filter((r) => counts(r.status) && namaOf.has(r.kecamatan_kode)).map((row) => ({ row, body: bodyOf(row) }));

  const kecamatan: SummaryKecamatan[] = input.kecamatan.map((k) => {
    const reports = input.reports.filter((r) => r.kecamatan_kode === k.kode);
    return {
      kode: k.kode,
      nama: k.nama,
      reports: reports.map((r) => ({
        id: r.id,
        number: r.number,
        perihal: r.perihal,
        officerName: r.officer_name,
        status: r.status as ReportStatus,
        sentAt: new Date(r.sent_at).toISOString(),
        receivedAt: new Date(r.received_at).toISOString(),
        counted: counts(r.status),
      })),
      counted: reports.filter((r) => counts(r.status)).length,
    };
  });

  const textsOf = (pick: (body: Body) => string): SummaryText[] =>
    counted.flatMap(({ row, body }) => {
      const text = pick(body).trim();
      if (!text) return [];
      return [{ kecamatanKode: row.kecamatan_kode, kecamatanNama: namaOf.get(row.kecamatan_kode)!, reportNumber: row.number, officerName: row.officer_name, text }];
    });

  return {
    month: input.month,
    includeUnverified: input.includeUnverified,
    countedStatuses: [...countedStatuses],
    kecamatan,
    missing: kecamatan.filter((k) => !k.reports.length).map((k) => ({ kode: k.kode, nama: k.nama })),
    statistik: sumTallies(counted.map(({ row, body }) => ({ kecamatanKode: row.kecamatan_kode, tallies: body.statistik }))),
    athg: Bidang.options.map((bidang) => ({ bidang, entries: textsOf((b) => b.athg[bidang]) })),
    kejadianMenonjol: textsOf((b) => b.kejadianMenonjol),
    prakiraan: textsOf((b) => b.prakiraan),
    saran: textsOf((b) => b.saran),
  };
}

/** Each statistik key's total over the reports, and each kecamatan's part of it; keys in name order. */
function sumTallies(reports: { kecamatanKode: string; tallies: Record<string, number> }[]): SummaryTally[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const r of reports)
    for (const [key, n] of Object.entries(r.tallies)) {
      const parts = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
      parts.set(r.kecamatanKode, (parts.get(r.kecamatanKode) ?? 0) + n);
    }
  return [...byKey]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, parts]) => ({
      key,
      total: [...parts.values()].reduce((sum, n) => sum + n, 0),
      byKecamatan: [...parts].sort(([a], [b]) => a.localeCompare(b)).map(([kecamatanKode, n]) => ({ kecamatanKode, n })),
    }));
}
