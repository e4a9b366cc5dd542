import type { Migration } from "./index.ts";

/**
 * Early-warning alerts. `key` names the condition an alert stands for (a report, a kecamatan × bidang, a
 * kecamatan, a cluster's first report); at most one live (open or acknowledged) alert per key, which is
 * what keeps rule runs on several nodes or in quick succession from opening duplicates. Evidence and the
 * alert's own trail are kept whole after it closes.
 */
export const alertsTables: Migration = {
  name: "0019-alerts",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE SEQUENCE alert_number_seq;
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        rule text NOT NULL CHECK (rule IN ('critical', 'spike', 'hotspot', 'silence')),
        key text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('waspada', 'siaga', 'awas')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'closed')),
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        kecamatan_kode text REFERENCES regions (kode),
        bidang text,
        metrics jsonb NOT NULL DEFAULT '{}',
        area geometry(Polygon, 4326),
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        seen_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users (id),
        acknowledge_note text,
        closed_at timestamptz,
        closed_reason text CHECK (closed_reason IN ('condition_gone', 'by_hand')),
        close_note text
      );
      CREATE UNIQUE INDEX alerts_one_live_per_key ON alerts (key) WHERE status <> 'closed';
      CREATE INDEX alerts_live_idx ON alerts (status, kecamatan_kode) WHERE status <> 'closed';
      CREATE INDEX alerts_opened_idx ON alerts (opened_at DESC);

      CREATE TABLE alert_evidence (
        alert_id uuid NOT NULL REFERENCES alerts (id),
        report_id uuid NOT NULL REFERENCES reports (id),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (alert_id, report_id)
      );

      CREATE TABLE alert_events (
        id bigserial PRIMARY KEY,
        alert_id uuid NOT NULL REFERENCES alerts (id),
        action text NOT NULL,
        actor_id uuid REFERENCES users (id),
        at timestamptz NOT NULL,
        details jsonb
      );
      CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, id);

      -- One row per rule: whether it runs and its parameters (defaults written by the service on first read).
      CREATE TABLE alert_rules (
        rule text PRIMARY KEY CHECK (rule IN ('critical', 'spike', 'hotspot', 'silence')),
        enabled boolean NOT NULL,
        params jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users (id)
      );

      -- The rules read recent situation reports by when they happened and every report by arrival.
      CREATE INDEX reports_situation_occurred_idx ON reports (occurred_at) WHERE kind = 'situation';
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP INDEX IF EXISTS reports_situation_occurred_idx;
      DROP TABLE IF EXISTS alert_rules, alert_events, alert_evidence, alerts;
      DROP SEQUENCE IF EXISTS alert_number_seq;
    `);
  },
};
