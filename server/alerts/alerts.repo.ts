import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { AlertListQuery, AlertRule, AlertSeverity, AlertStatus } from "@contract/alerts.ts";
import type { Bidang } from "@contract/reports.ts";
import type { Finding } from "./rules/rule.ts";

export interface AlertRow {
  id: string;
  number: string;
  rule: AlertRule;
  key: string;
  severity: AlertSeverity;
  status: AlertStatus;
  title: string;
  summary: string;
  kecamatan_kode: string | null;
  kecamatan_nama: string | null;
  bidang: Bidang | null;
  metrics: Record<string, number | string>;
  area: string | null;
  opened_at: Date;
  updated_at: Date;
  seen_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledge_note: string | null;
  closed_at: Date | null;
  closed_reason: "condition_gone" | "by_hand" | null;
  close_note: string | null;
  report_ids: string[];
}

const SELECT_ALERT = `
  SELECT a.id, a.number, a.rule, a.key, a.severity, a.status, a.title, a.summary, a.kecamatan_kode, k.nama AS kecamatan_nama,
         a.bidang, a.metrics, ST_AsGeoJSON(a.area, 6) AS area, a.opened_at, a.updated_at, a.seen_at,
         a.acknowledged_at, a.acknowledged_by, u.display_name AS acknowledged_by_name, a.acknowledge_note, a.closed_at, a.closed_reason, a.close_note,
         COALESCE((SELECT array_agg(e.report_id::text ORDER BY e.added_at, e.report_id) FROM alert_evidence e WHERE e.alert_id = a.id), '{}') AS report_ids
  FROM alerts a
  LEFT JOIN regions k ON k.kode = a.kecamatan_kode
  LEFT JOIN users u ON u.id = a.acknowledged_by`;

export async function getAlerts(db: Sequelize, ids: string[], transaction?: Transaction): Promise<AlertRow[]> {
  if (!ids.length) return [];
  return db.query<AlertRow>(`${SELECT_ALERT} WHERE a.id = ANY (CAST(:ids AS uuid[])) ORDER BY a.opened_at DESC`, {
    replacements: { ids: `{${ids.join(",")}}` },
    type: QueryTypes.SELECT,
    transaction,
  });
}

/** Alerts for a list; `regions` limits to those kecamatan (a verifier's), null for all. */
export async function listAlerts(db: Sequelize, q: AlertListQuery, regions: string[] | null, limit = q.limit): Promise<(AlertRow & { cursor: string })[]> {
  const where: string[] = [];
  if (q.status === "live") where.push(`a.status <> 'closed'`);
  else if (q.status !== "all") where.push(`a.status = :status`);
  if (q.rule) where.push(`a.rule = :rule`);
  if (q.kecamatan) where.push(`a.kecamatan_kode = :kecamatan`);
  if (regions) where.push(`a.kecamatan_kode = ANY (CAST(:regions AS text[]))`);
  const [cursorAt, cursorId] = q.cursor ? q.cursor.split("_") : [null, null];
  if (q.cursor) where.push(`(a.opened_at, a.id) < (CAST(:cursorAt AS timestamptz), CAST(:cursorId AS uuid))`);
  // The cursor carries opened_at to the microsecond (a millisecond would skip or repeat alerts opened
  // within one), written by the database itself.
  return db.query<AlertRow & { cursor: string }>(
    `SELECT x.*, to_char(x.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || x.id AS cursor
     FROM (${SELECT_ALERT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.opened_at DESC, a.id DESC LIMIT :limit) x
     ORDER BY x.opened_at DESC, x.id DESC`,
    {
      replacements: { status: q.status, rule: q.rule ?? null, kecamatan: q.kecamatan ?? null, regions: regions ? `{${regions.join(",")}}` : null, limit, cursorAt, cursorId },
      type: QueryTypes.SELECT,
    },
  );
}

export interface LiveAlertRow {
  id: string;
  key: string;
  severity: AlertSeverity;
  seen_at: Date;
  evidence: number;
}

/** The live alerts of one rule, locked for this run. */
export async function liveAlertsOf(db: Sequelize, rule: AlertRule, transaction: Transaction): Promise<LiveAlertRow[]> {
  return db.query<LiveAlertRow>(
    `SELECT a.id, a.key, a.severity, a.seen_at, (SELECT count(*)::int FROM alert_evidence e WHERE e.alert_id = a.id) AS evidence
     FROM alerts a WHERE a.rule = :rule AND a.status <> 'closed' FOR UPDATE`,
    { replacements: { rule }, type: QueryTypes.SELECT, transaction },
  );
}

/** A new alert for a finding, numbered in the year (WITA) of `now`; null if another run just opened it. */
export async function insertAlert(db: Sequelize, f: Finding, now: Date, transaction: Transaction): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO alerts (number, rule, key, severity, title, summary, kecamatan_kode, bidang, metrics, area, opened_at, updated_at, seen_at)
     VALUES ('PDK-' || to_char(CAST(:now AS timestamptz) AT TIME ZONE 'Asia/Makassar', 'YYYY') || '-' || zero_pad(nextval('alert_number_seq'), 5),
             :rule, :key, :severity, :title, :summary, :kecamatan, :bidang, CAST(:metrics AS jsonb),
             CASE WHEN CAST(:area AS text) IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(CAST(:area AS text)), 4326) END,
             :now, :now, :now)
     ON CONFLICT (key) WHERE status <> 'closed' DO NOTHING
     RETURNING id`,
    { replacements: findingReplacements(f, now), type: QueryTypes.SELECT, transaction },
  );
  return row?.id ?? null;
}

/** The condition seen again: its numbers, text, area and severity as of now. */
export async function refreshAlert(db: Sequelize, id: string, f: Finding, now: Date, changed: boolean, transaction: Transaction): Promise<void> {
  await db.query(
    `UPDATE alerts SET severity = :severity, title = :title, summary = :summary, metrics = CAST(:metrics AS jsonb),
            area = CASE WHEN CAST(:area AS text) IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(CAST(:area AS text)), 4326) END,
            seen_at = :now, updated_at = CASE WHEN :changed THEN CAST(:now AS timestamptz) ELSE updated_at END
     WHERE id = :id`,
    { replacements: { ...findingReplacements(f, now), id, changed }, transaction },
  );
}

function findingReplacements(f: Finding, now: Date) {
  return {
    now: now.toISOString(),
    rule: f.rule,
    key: f.key,
    severity: f.severity,
    title: f.title,
    summary: f.summary,
    kecamatan: f.kecamatanKode,
    bidang: f.bidang,
    metrics: JSON.stringify(f.metrics),
    area: f.areaGeoJson,
  };
}

/** Add evidence; answers how many of the reports were new to the alert. */
export async function addEvidence(db: Sequelize, alertId: string, reportIds: string[], now: Date, transaction: Transaction): Promise<number> {
  if (!reportIds.length) return 0;
  const rows = await db.query<{ report_id: string }>(
    `INSERT INTO alert_evidence (alert_id, report_id, added_at)
     SELECT :alertId, r, :now FROM unnest(CAST(:ids AS uuid[])) AS r
     ON CONFLICT DO NOTHING RETURNING report_id`,
    { replacements: { alertId, ids: `{${reportIds.join(",")}}`, now: now.toISOString() }, type: QueryTypes.SELECT, transaction },
  );
  return rows.length;
}

export async function closeAlert(
  db: Sequelize,
  id: string,
  c: { now: Date; reason: "condition_gone" | "by_hand"; note?: string | null },
  transaction: Transaction,
): Promise<boolean> {
  const [, count] = await db.query(
    `UPDATE alerts SET status = 'closed', closed_at = :now, closed_reason = :reason, close_note = :note, updated_at = :now WHERE id = :id AND status <> 'closed'`,
    { replacements: { id, now: c.now.toISOString(), reason: c.reason, note: c.note ?? null }, type: QueryTypes.UPDATE, transaction },
  );
  return Number(count) > 0;
}

export async function acknowledgeAlert(db: Sequelize, id: string, a: { now: Date; by: string; note: string }, transaction: Transaction): Promise<boolean> {
  const [, count] = await db.query(
    `UPDATE alerts SET status = 'acknowledged', acknowledged_at = :now, acknowledged_by = :by, acknowledge_note = :note, updated_at = :now
     WHERE id = :id AND status = 'open'`,
    { replacements: { id, now: a.now.toISOString(), by: a.by, note: a.note }, type: QueryTypes.UPDATE, transaction },
  );
  return Number(count) > 0;
}

export async function appendAlertEvent(
  db: Sequelize,
  e: { alertId: string; action: string; actorId: string | null; now: Date; details?: Record<string, unknown> },
  transaction: Transaction,
): Promise<void> {
  await db.query(`INSERT INTO alert_events (alert_id, action, actor_id, at, details) VALUES (:alertId, :action, :actorId, :now, CAST(:details AS jsonb))`, {
    replacements: { alertId: e.alertId, action: e.action, actorId: e.actorId, now: e.now.toISOString(), details: e.details ? JSON.stringify(e.details) : null },
    transaction,
  });
}

/** Each kecamatan with the highest severity of its live alerts and how many it has. */
export async function kecamatanLevels(db: Sequelize): Promise<{ kode: string; nama: string; severity: AlertSeverity | null; live: number }[]> {
  return db.query(
    `SELECT k.kode, k.nama,
            (SELECT a.severity FROM alerts a WHERE a.kecamatan_kode = k.kode AND a.status <> 'closed'
             ORDER BY array_position(ARRAY['waspada', 'siaga', 'awas'], a.severity) DESC LIMIT 1) AS severity,
            (SELECT count(*)::int FROM alerts a WHERE a.kecamatan_kode = k.kode AND a.status <> 'closed') AS live
     FROM regions k WHERE k.level = 'kecamatan' ORDER BY k.kode`,
    { type: QueryTypes.SELECT },
  );
}

export interface RuleSettingRow {
  rule: AlertRule;
  enabled: boolean;
  params: Record<string, unknown>;
}

export async function getRuleSettings(db: Sequelize, transaction?: Transaction): Promise<RuleSettingRow[]> {
  return db.query<RuleSettingRow>(`SELECT rule, enabled, params FROM alert_rules`, { type: QueryTypes.SELECT, transaction });
}

export async function putRuleSetting(db: Sequelize, s: RuleSettingRow & { now: Date; by: string | null }, transaction?: Transaction): Promise<void> {
  await db.query(
    `INSERT INTO alert_rules (rule, enabled, params, updated_at, updated_by) VALUES (:rule, :enabled, CAST(:params AS jsonb), :now, :by)
     ON CONFLICT (rule) DO UPDATE SET enabled = EXCLUDED.enabled, params = EXCLUDED.params, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    { replacements: { rule: s.rule, enabled: s.enabled, params: JSON.stringify(s.params), now: s.now.toISOString(), by: s.by }, transaction },
  );
}

/** A transaction-scoped advisory lock by name; false when another session holds it. */
export async function tryEngineLock(db: Sequelize, name: string, transaction: Transaction): Promise<boolean> {
  const [row] = await db.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext(:name)) AS got`, {
    replacements: { name },
    type: QueryTypes.SELECT,
    transaction,
  });
  return row?.got === true;
}
