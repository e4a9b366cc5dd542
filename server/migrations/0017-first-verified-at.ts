import type { Migration } from "./index.ts";

/**
 * `reports.first_verified_at`: when the report was first verified, the fact the rollups' time-to-verify
 * histogram needs. Reading it from `report_events` (the earliest event with `to_status = 'verified'`) cost
 * one random index probe per verified report — three quarters of a quarter's recompute at 1M reports.
 *
 * The trail stays the source of truth: a statement-level trigger on `report_events` keeps the column at
 * the earliest such event, whoever appends it (the verification service, the demo seed, a bulk load), so
 * the fact cannot drift from the trail and no writer has to remember it. One UPDATE per statement, not
 * per row, so a bulk insert of events costs one join. Existing rows are backfilled here.
 *
 * The rollups' index on the day a report counts gains the kecamatan: the incremental rollup rebuilds a
 * day in one kecamatan (a late report) by reading that kecamatan's reports of the day, not all of them.
 */
export const firstVerifiedAt: Migration = {
  name: "0017-first-verified-at",
  async up({ sequelize }) {
    await sequelize.query(`
      ALTER TABLE reports ADD COLUMN first_verified_at timestamptz;
      UPDATE reports r SET first_verified_at = v.at
        FROM (SELECT report_id, min(at) AS at FROM report_events WHERE to_status = 'verified' GROUP BY report_id) v
        WHERE r.id = v.report_id;

      CREATE FUNCTION reports_note_first_verified() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE reports r SET first_verified_at = v.at
          FROM (SELECT report_id, min(at) AS at FROM inserted_events WHERE to_status = 'verified' GROUP BY report_id) v
          WHERE r.id = v.report_id AND (r.first_verified_at IS NULL OR r.first_verified_at > v.at);
        RETURN NULL;
      END $$;
      CREATE TRIGGER report_events_first_verified AFTER INSERT ON report_events
        REFERENCING NEW TABLE AS inserted_events
        FOR EACH STATEMENT EXECUTE FUNCTION reports_note_first_verified();

      CREATE INDEX reports_rollup_day_kecamatan_idx ON reports (rollup_day(kind, period, occurred_at), kecamatan_kode);
      DROP INDEX reports_rollup_day_idx;
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      CREATE INDEX IF NOT EXISTS reports_rollup_day_idx ON reports (rollup_day(kind, period, occurred_at));
      DROP INDEX IF EXISTS reports_rollup_day_kecamatan_idx;
      DROP TRIGGER IF EXISTS report_events_first_verified ON report_events;
      DROP FUNCTION IF EXISTS reports_note_first_verified();
      ALTER TABLE reports DROP COLUMN IF EXISTS first_verified_at;
    `);
  },
};
