import type { Migration } from "./index.ts";

/**
 * Follow-up (tindak lanjut): partner agencies kept by admins, and assignments of a verified report or an
 * incident to one of them — open → responded → closed; overdue is computed (open past its deadline), not
 * stored, so it needs no job and cannot go stale.
 *
 * One assignment not yet closed per target and agency: a retried or repeated assignment is refused
 * instead of doubling the agency's work. Times (created, responded, closed) come from the application's
 * clock, like the deadline they are compared with.
 */
export const followUpsTables: Migration = {
  name: "0011-follow-ups",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('polres', 'kodim', 'kejaksaan', 'satpol_pp', 'camat', 'kominda', 'other')),
        contact_person text,
        phone text,
        email text,
        notes text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX agencies_name_key ON agencies (lower(name));

      CREATE TABLE followup_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid REFERENCES reports (id),
        incident_id uuid REFERENCES incidents (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        instruction text NOT NULL,
        deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'responded', 'closed')),
        response text,
        responded_at timestamptz,
        responded_by uuid REFERENCES users (id),
        close_note text,
        closed_at timestamptz,
        closed_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        CONSTRAINT followup_one_target CHECK ((report_id IS NULL) <> (incident_id IS NULL))
      );
      CREATE UNIQUE INDEX followup_one_pending_per_agency
        ON followup_assignments (COALESCE(report_id, incident_id), agency_id) WHERE status <> 'closed';
      CREATE INDEX followup_status_deadline_idx ON followup_assignments (status, deadline);
      CREATE INDEX followup_agency_idx ON followup_assignments (agency_id, status);
      CREATE INDEX followup_report_idx ON followup_assignments (report_id) WHERE report_id IS NOT NULL;
      CREATE INDEX followup_incident_idx ON followup_assignments (incident_id) WHERE incident_id IS NOT NULL;
      CREATE INDEX followup_created_idx ON followup_assignments (created_at DESC, id);
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS followup_assignments;
      DROP TABLE IF EXISTS agencies;
    `);
  },
};
