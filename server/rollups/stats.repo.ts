import { QueryTypes, type Sequelize } from "sequelize";
import type { StatsPeriod } from "@contract/rollups.ts";

/** Reads of the rollup tables for the statistics API (one function per query). */

export interface CountFilter {
  period: StatsPeriod;
  /** First days of the first and last period, inclusive. */
  from: string;
  to: string;
  /** null: no restriction. */
  kecamatan: string[] | null;
  bidang: string[] | null;
  kind: string[] | null;
  status: string[] | null;
  kerawanan: string[] | null;
}

/** Columns a trend may split by (whitelisted: they go into the SQL text). */
export const SPLIT_COLUMNS = { kecamatan: "kecamatan_kode", bidang: "bidang", kerawanan: "kerawanan", status: "status", kind: "kind" } as const;
export type SplitColumn = (typeof SPLIT_COLUMNS)[keyof typeof SPLIT_COLUMNS];

const arrayParam = (values: string[] | null) => (values ? `{${values.map((v) => `"${v}"`).join(",")}}` : null);

function countWhere(f: CountFilter) {
  return {
    sql: `period_kind = :period AND period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date)
      AND (CAST(:kecamatan AS text[]) IS NULL OR kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
      AND (CAST(:bidang AS text[]) IS NULL OR bidang = ANY (CAST(:bidang AS text[])))
      AND (CAST(:kind AS text[]) IS NULL OR kind = ANY (CAST(:kind AS text[])))
      AND (CAST(:status AS text[]) IS NULL OR status = ANY (CAST(:status AS text[])))
      AND (CAST(:kerawanan AS text[]) IS NULL OR kerawanan = ANY (CAST(:kerawanan AS text[])))`,
    replacements: {
      period: f.period,
      from: f.from,
      to: f.to,
      kecamatan: arrayParam(f.kecamatan),
      bidang: arrayParam(f.bidang),
      kind: arrayParam(f.kind),
      status: arrayParam(f.status),
      kerawanan: arrayParam(f.kerawanan),
    },
  };
}

/** Counts per period start (and per value of `split`, when given). */
export async function getCountsByPeriod(db: Sequelize, f: CountFilter, split: SplitColumn | null): Promise<{ start: string; key: string | null; n: number }[]> {
  const where = countWhere(f);
  return db.query(
    `SELECT to_char(start, 'YYYY-MM-DD') AS start, key, n FROM (
       SELECT period_start AS start, ${split ?? "NULL::text"} AS key, sum(n)::int AS n
       FROM rollup_counts WHERE ${where.sql} GROUP BY 1, 2) g`,
    { replacements: where.replacements, type: QueryTypes.SELECT },
  );
}

export interface CountCell {
  kecamatan_kode: string;
  bidang: string;
  kerawanan: string;
  status: string;
  kind: string;
  n: number;
}

/** Counts over the whole range, per kecamatan × bidang × kerawanan × status × kind. */
export async function getCountCells(db: Sequelize, f: CountFilter): Promise<CountCell[]> {
  const where = countWhere(f);
  return db.query(
    `SELECT kecamatan_kode, bidang, kerawanan, status, kind, sum(n)::int AS n
     FROM rollup_counts WHERE ${where.sql} GROUP BY 1, 2, 3, 4, 5`,
    { replacements: where.replacements, type: QueryTypes.SELECT },
  );
}

export interface HistogramFilter {
  period: StatsPeriod;
  from: string;
  to: string;
  /** Kecamatan codes, '*' for the total over all. */
  kecamatan: string[];
  /** Bidang, '*' for the total over all. */
  bidang: string[];
}

const histogramReplacements = (f: HistogramFilter) => ({ ...f, kecamatan: arrayParam(f.kecamatan), bidang: arrayParam(f.bidang) });
const HISTOGRAM_WHERE = `period_kind = :period AND period_start BETWEEN CAST(:from AS date) AND CAST(:to AS date)
  AND kecamatan_kode = ANY (CAST(:kecamatan AS text[])) AND bidang = ANY (CAST(:bidang AS text[]))`;

/** Time-to-verify buckets per period start, summed over the given kecamatan × bidang cells. */
export async function getVerifyBucketsByPeriod(db: Sequelize, f: HistogramFilter): Promise<{ start: string; bucket: number; n: number }[]> {
  return db.query(
    `SELECT to_char(start, 'YYYY-MM-DD') AS start, bucket, n FROM (
       SELECT period_start AS start, bucket, sum(n)::int AS n
       FROM rollup_verify_hist WHERE ${HISTOGRAM_WHERE} GROUP BY 1, 2) g`,
    { replacements: histogramReplacements(f), type: QueryTypes.SELECT },
  );
}

/** Time-to-verify buckets per kecamatan × bidang cell over the whole range. */
export async function getVerifyBucketsByCell(db: Sequelize, f: HistogramFilter): Promise<{ kecamatan_kode: string; bidang: string; bucket: number; n: number }[]> {
  return db.query(
    `SELECT kecamatan_kode, bidang, bucket, sum(n)::int AS n
     FROM rollup_verify_hist WHERE ${HISTOGRAM_WHERE} GROUP BY 1, 2, 3`,
    { replacements: histogramReplacements(f), type: QueryTypes.SELECT },
  );
}
