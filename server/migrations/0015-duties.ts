import type { Migration } from "./index.ts";

/**
 * Reporting duties (server/duties/): which daily, weekly and monthly reports each officer owes and how
 * each stands. Written only by server/duties/.
 *
 * - `duty_settings`: one row, the admin's deadlines and reminder lead (defaults in contract/duties.ts
 *   while the row is absent).
 * - `holidays` and `officer_leave`: days no daily report is owed (and deadlines that move past them).
 * - `duty_officers`: the day an officer's duties begin when an admin set it; otherwise the day their
 *   account was made.
 * - `duties`: one row per officer, kind and period owed, judged by the duty-check job: `pending` before
 *   the deadline, then `on_time`, `late` (by the phone's `sent_at` of the first submission) or `missing`.
 * - `duty_watermark`: the change-log seq the duty check has taken in (periodic reports that arrived).
 */
export const dutiesTables: Migration = {
  name: "0015-duties",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE duty_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        settings jsonb NOT NULL,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE holidays (
        day date PRIMARY KEY,
        name text NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE officer_leave (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        officer_id uuid NOT NULL REFERENCES users (id),
        first_day date NOT NULL,
        last_day date NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (last_day >= first_day)
      );
      CREATE INDEX officer_leave_officer_idx ON officer_leave (officer_id, first_day);
      CREATE TABLE duty_officers (
        officer_id uuid PRIMARY KEY REFERENCES users (id),
        owes_from date NOT NULL,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE duties (
        officer_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('daily', 'weekly', 'monthly')),
        period text NOT NULL,
        period_start date NOT NULL,
        kecamatan_kode text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'on_time', 'late', 'missing')),
        report_id uuid REFERENCES reports (id),
        sent_at timestamptz,
        reminded_at timestamptz,
        judged_at timestamptz NOT NULL,
        PRIMARY KEY (officer_id, kind, period)
      );
      CREATE INDEX duties_period_idx ON duties (period_start, kecamatan_kode);
      CREATE INDEX duties_pending_idx ON duties (due_at) WHERE status = 'pending';
      CREATE TABLE duty_watermark (
        name text PRIMARY KEY,
        seq bigint NOT NULL
      );
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS duty_watermark;
      DROP TABLE IF EXISTS duties;
      DROP TABLE IF EXISTS duty_officers;
      DROP TABLE IF EXISTS officer_leave;
      DROP TABLE IF EXISTS holidays;
      DROP TABLE IF EXISTS duty_settings;
    `);
  },
};
