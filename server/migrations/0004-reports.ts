import type { Migration } from "./index.ts";

/**
 * Reports (Laporan Informasi and periodic reports), every submitted revision (idempotent by client_id),
 * photo attachments, the append-only report event trail, and the `changes` log clients resume from.
 */
export const reportsTables: Migration = {
  name: "0004-reports",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE SEQUENCE report_number_seq;
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        number text NOT NULL UNIQUE,
        author_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('situation', 'daily', 'weekly', 'monthly')),
        period text,
        revision integer NOT NULL DEFAULT 1,
        classification text NOT NULL CHECK (classification IN ('biasa', 'rahasia')),
        bidang text,
        sub_category text,
        perihal text NOT NULL,
        kerawanan text NOT NULL CHECK (kerawanan IN ('rendah', 'sedang', 'tinggi', 'sangat_tinggi')),
        body jsonb NOT NULL,
        photos text[] NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        location geometry(Point, 4326) NOT NULL,
        accuracy_m real,
        location_source text NOT NULL CHECK (location_source IN ('gps', 'pin')),
        kecamatan_kode text NOT NULL REFERENCES regions (kode),
        desa_kode text REFERENCES regions (kode),
        outside_meters integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'submitted',
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT periodic_has_period CHECK ((kind = 'situation') = (period IS NULL))
      );
      CREATE INDEX reports_location_gix ON reports USING gist (location);
      CREATE INDEX reports_status_received_idx ON reports (status, received_at);
      CREATE INDEX reports_kecamatan_received_idx ON reports (kecamatan_kode, received_at);
      CREATE INDEX reports_author_idx ON reports (author_id, received_at);
      -- One periodic report per officer per period; new submissions become revisions of it.
      CREATE UNIQUE INDEX reports_one_per_period ON reports (author_id, kind, period) WHERE period IS NOT NULL;

      CREATE TABLE report_revisions (
        client_id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports (id),
        revision integer NOT NULL,
        payload_hash text NOT NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_id, revision)
      );

      CREATE TABLE attachments (
        report_id uuid NOT NULL REFERENCES reports (id),
        sha256 text NOT NULL,
        mime text NOT NULL,
        size_bytes integer NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        storage_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, sha256)
      );

      CREATE TABLE report_events (
        id bigserial PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports (id),
        actor_id uuid REFERENCES users (id),
        action text NOT NULL,
        from_status text,
        to_status text,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX report_events_report_idx ON report_events (report_id, id);

      CREATE TABLE changes (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        kind text NOT NULL,
        kecamatan_kode text,
        author_id uuid,
        published boolean NOT NULL DEFAULT false
      );
      CREATE INDEX changes_kecamatan_idx ON changes (kecamatan_kode, seq);
      CREATE INDEX changes_author_idx ON changes (author_id, seq);
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS changes;
      DROP TABLE IF EXISTS report_events;
      DROP TABLE IF EXISTS attachments;
      DROP TABLE IF EXISTS report_revisions;
      DROP TABLE IF EXISTS reports;
      DROP SEQUENCE IF EXISTS report_number_seq;
    `);
  },
};
