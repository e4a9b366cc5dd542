import type { Migration } from "./index.ts";

/**
 * Incidents: situation reports about the same event, merged by a verifier. Merging never touches the
 * reports: membership lives in `incident_reports`, whose primary key (report_id) makes a report belong to
 * at most one incident — two verifiers merging one report into two incidents at once cannot both win.
 *
 * An incident left with fewer than two reports dissolves: `dissolved_at` is set and its row stays, so
 * its number is never reused and the trails, audit entries and follow-ups that name it still resolve.
 * `kecamatan_kodes` holds the kecamatan of its reports (as of the last merge or unmerge): who may read it.
 *
 * pg_trgm gives `similarity()`, which ranks duplicate candidates by their text (PostgreSQL and PGlite).
 */
export const incidentsTables: Migration = {
  name: "0010-incidents",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE SEQUENCE incident_number_seq;
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        title text NOT NULL,
        bidang text,
        kerawanan text NOT NULL CHECK (kerawanan IN ('rendah', 'sedang', 'tinggi', 'sangat_tinggi')),
        first_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        kecamatan_kode text REFERENCES regions (kode),
        kecamatan_kodes text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        dissolved_at timestamptz
      );
      CREATE INDEX incidents_last_at_idx ON incidents (last_at DESC, id) WHERE dissolved_at IS NULL;
      CREATE INDEX incidents_kecamatan_idx ON incidents USING gin (kecamatan_kodes);

      CREATE TABLE incident_reports (
        report_id uuid PRIMARY KEY REFERENCES reports (id),
        incident_id uuid NOT NULL REFERENCES incidents (id),
        merged_by uuid REFERENCES users (id),
        merged_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX incident_reports_incident_idx ON incident_reports (incident_id);
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS incident_reports;
      DROP TABLE IF EXISTS incidents;
      DROP SEQUENCE IF EXISTS incident_number_seq;
      DROP EXTENSION IF EXISTS pg_trgm;
    `);
  },
};
