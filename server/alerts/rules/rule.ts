import type { Sequelize, Transaction } from "sequelize";
import type { AlertRule, AlertSeverity } from "@contract/alerts.ts";
import type { Bidang } from "@contract/reports.ts";

/** A condition a rule sees now: the engine opens, escalates or keeps alive the alert of its `key`. */
export interface Finding {
  rule: AlertRule;
  /** What makes two findings the same condition across runs (one live alert per key). */
  key: string;
  severity: AlertSeverity;
  kecamatanKode: string | null;
  bidang: Bidang | null;
  title: string;
  summary: string;
  metrics: Record<string, number | string>;
  /** Evidence: the reports behind it (added to the alert, never removed). */
  reportIds: string[];
  /** A hotspot's area as GeoJSON, else null. */
  areaGeoJson: string | null;
}

export interface RuleRun<P> {
  db: Sequelize;
  transaction: Transaction;
  now: Date;
  params: P;
  /** Kecamatan names by code, for titles. */
  kecamatanNama: ReadonlyMap<string, string>;
}

/** A rule: a small module with its own parameters (contract/alerts.ts), run by the engine. */
export interface AlertRuleModule<P> {
  rule: AlertRule;
  evaluate(run: RuleRun<P>): Promise<Finding[]>;
}

export const HOUR_MS = 3_600_000;
export const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * HOUR_MS).toISOString();

/** Bidang as people read it in a title. */
export const BIDANG_LABEL: Record<Bidang, string> = {
  ideologi: "ideologi",
  politik: "politik",
  ekonomi: "ekonomi",
  "sosial-budaya": "sosial budaya",
  "pertahanan-keamanan": "pertahanan dan keamanan",
};

/** Evidence lists stay readable on a wall: the newest this many reports. */
export const EVIDENCE_MAX = 50;
