import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Bidang } from "@contract/reports.ts";
import { EVIDENCE_MAX } from "./rule.ts";

/** The rules' reads of recent reports (the rules themselves judge and word what these return). */

export interface CriticalRow {
  id: string;
  number: string;
  kecamatan_kode: string;
  bidang: Bidang | null;
  kerawanan: "tinggi" | "sangat_tinggi";
  korban: number;
}

/** Situation reports received in (since, now] at sangat_tinggi, or tinggi with casualties; not rejected. */
export function criticalReports(db: Sequelize, w: { since: string; now: string }, transaction: Transaction): Promise<CriticalRow[]> {
  return db.query<CriticalRow>(
    `SELECT id, number, kecamatan_kode, bidang, kerawanan,
            COALESCE((body -> 'fakta' ->> 'korban')::int, 0) AS korban
     FROM reports
     WHERE kind = 'situation' AND status <> 'rejected'
       AND received_at > :since AND received_at <= :now
       AND (kerawanan = 'sangat_tinggi' OR (kerawanan = 'tinggi' AND COALESCE((body -> 'fakta' ->> 'korban')::int, 0) > 0))`,
    { replacements: w, type: QueryTypes.SELECT, transaction },
  );
}

export interface SpikeCountRow {
  kecamatan_kode: string;
  bidang: Bidang;
  day_count: number;
  week_count: number;
  base_count: number;
  day_ids: string[] | null;
  week_ids: string[] | null;
}

/**
 * Per kecamatan × bidang: situation reports that happened in the last day, the last week and the baseline
 * before that week (from `base`), with the newest evidence ids of each window. Only pairs with at least
 * `minCount` in the week come back: the rest cannot be a spike.
 */
export function spikeCounts(
  db: Sequelize,
  w: { now: string; day: string; week: string; base: string; minCount: number },
  transaction: Transaction,
): Promise<SpikeCountRow[]> {
  return db.query<SpikeCountRow>(
    `SELECT kecamatan_kode, bidang,
            count(*) FILTER (WHERE occurred_at > :day)::int AS day_count,
            count(*) FILTER (WHERE occurred_at > :week)::int AS week_count,
            count(*) FILTER (WHERE occurred_at <= :week)::int AS base_count,
            (array_agg(id::text ORDER BY occurred_at DESC) FILTER (WHERE occurred_at > :day))[1:${EVIDENCE_MAX}] AS day_ids,
            (array_agg(id::text ORDER BY occurred_at DESC) FILTER (WHERE occurred_at > :week))[1:${EVIDENCE_MAX}] AS week_ids
     FROM reports
     WHERE kind = 'situation' AND status <> 'rejected' AND bidang IS NOT NULL
       AND occurred_at > :base AND occurred_at <= :now
     GROUP BY kecamatan_kode, bidang
     HAVING count(*) FILTER (WHERE occurred_at > :week) >= :minCount`,
    { replacements: w, type: QueryTypes.SELECT, transaction },
  );
}

export interface ClusterRow {
  ids: string[];
  size: number;
  kecamatan_kode: string;
  severe: number;
  area: string;
}

/**
 * DBSCAN clusters of situation reports that happened in (since, now]: `eps` in degrees, `minPoints` per
 * cluster; each with its reports (oldest first), its most frequent kecamatan, its sangat_tinggi count and
 * its hull widened by half of eps, as GeoJSON.
 */
export function reportClusters(db: Sequelize, w: { since: string; now: string; eps: number; minPoints: number }, transaction: Transaction): Promise<ClusterRow[]> {
  return db.query<ClusterRow>(
    `WITH recent AS (
       SELECT id, kecamatan_kode, kerawanan, location, occurred_at FROM reports
       WHERE kind = 'situation' AND status <> 'rejected' AND occurred_at > :since AND occurred_at <= :now
     ), clustered AS (
       SELECT *, ST_ClusterDBSCAN(location, eps := :eps, minpoints := :minPoints) OVER () AS cid FROM recent
     )
     SELECT array_agg(id::text ORDER BY occurred_at, id) AS ids, count(*)::int AS size,
            mode() WITHIN GROUP (ORDER BY kecamatan_kode) AS kecamatan_kode,
            count(*) FILTER (WHERE kerawanan = 'sangat_tinggi')::int AS severe,
            ST_AsGeoJSON(ST_Buffer(ST_ConvexHull(ST_Collect(location)), :eps / 2, 8), 6) AS area
     FROM clustered WHERE cid IS NOT NULL
     GROUP BY cid`,
    { replacements: w, type: QueryTypes.SELECT, transaction },
  );
}

/** The live hotspot alerts with their evidence: a new cluster sharing a report with one continues it. */
export function liveHotspotEvidence(db: Sequelize, transaction: Transaction): Promise<{ key: string; ids: string[] }[]> {
  return db.query<{ key: string; ids: string[] }>(
    `SELECT a.key, array_agg(e.report_id::text) AS ids FROM alerts a JOIN alert_evidence e ON e.alert_id = a.id
     WHERE a.rule = 'hotspot' AND a.status <> 'closed' GROUP BY a.key`,
    { type: QueryTypes.SELECT, transaction },
  );
}

export interface SilentRow {
  kode: string;
  last_at: Date;
  last_id: string;
}

/** Kecamatan whose last report (any kind) was received at or before `since`; never-reporting ones are left out. */
export function silentKecamatan(db: Sequelize, w: { now: string; since: string }, transaction: Transaction): Promise<SilentRow[]> {
  return db.query<SilentRow>(
    `SELECT k.kode, last.received_at AS last_at, last.id AS last_id
     FROM regions k
     CROSS JOIN LATERAL (
       SELECT r.id, r.received_at FROM reports r
       WHERE r.kecamatan_kode = k.kode AND r.received_at <= :now
       ORDER BY r.received_at DESC LIMIT 1
     ) last
     WHERE k.level = 'kecamatan' AND last.received_at <= :since`,
    { replacements: w, type: QueryTypes.SELECT, transaction },
  );
}
