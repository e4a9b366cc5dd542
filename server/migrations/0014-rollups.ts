import type { Migration } from "./index.ts";

/**
 * Rollups (server/rollups/): report counts per period × kecamatan × bidang × kerawanan × status × kind,
 * and histograms of time-to-verify, written only by the rollup jobs.
 *
 * - `rollup_day(kind, period, occurred_at)`: the WITA day a report counts on — a situation report on the
 *   day it happened, a periodic report on the first day of its own period (a weekly on its Monday, a
 *   monthly on the 1st). Immutable and inlined, so the index below serves `rollup_day(...) = ANY(days)`.
 * - `rollup_counts`: `bidang` is '' for periodic reports (they have none), so the key has no NULLs.
 * - `rollup_verify_hist`: reports verified, per bucket of seconds from received to first verified
 *   (bucket b ≥ 1 holds [60·2^((b−1)/4), 60·2^(b/4)) s, bucket 0 under a minute). Rows with kecamatan or
 *   bidang '*' are the totals over that dimension, so a statistics query reads a few rows per period.
 * - `rollup_watermark`: the change-log seq the incremental rollup has taken in.
 */
export const rollupsTables: Migration = {
  name: "0014-rollups",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE FUNCTION rollup_day(kind text, period text, occurred_at timestamptz) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE kind
          WHEN 'situation' THEN (occurred_at AT TIME ZONE 'Asia/Makassar')::date
          WHEN 'daily' THEN make_date(substr(period, 1, 4)::int, substr(period, 6, 2)::int, substr(period, 9, 2)::int)
          WHEN 'monthly' THEN make_date(substr(period, 1, 4)::int, substr(period, 6, 2)::int, 1)
          WHEN 'weekly' THEN make_date(substr(period, 1, 4)::int, 1, 4)
            - (extract(isodow FROM make_date(substr(period, 1, 4)::int, 1, 4))::int - 1)
            + (substr(period, 7, 2)::int - 1) * 7
        END $$;
      CREATE INDEX reports_rollup_day_idx ON reports (rollup_day(kind, period, occurred_at));
      CREATE INDEX report_events_verified_idx ON report_events (report_id, at) WHERE to_status = 'verified';

      CREATE TABLE rollup_counts (
        period_kind text NOT NULL CHECK (period_kind IN ('day', 'week', 'month', 'quarter')),
        period_start date NOT NULL,
        kecamatan_kode text NOT NULL,
        bidang text NOT NULL,
        kerawanan text NOT NULL,
        status text NOT NULL,
        kind text NOT NULL,
        n integer NOT NULL,
        -- n rides in the key's index, so a statistics query reads the index alone (an index-only scan).
        PRIMARY KEY (period_kind, period_start, kecamatan_kode, bidang, kerawanan, status, kind) INCLUDE (n)
      );
      CREATE TABLE rollup_verify_hist (
        period_kind text NOT NULL CHECK (period_kind IN ('day', 'week', 'month', 'quarter')),
        period_start date NOT NULL,
        kecamatan_kode text NOT NULL,
        bidang text NOT NULL,
        bucket smallint NOT NULL,
        n integer NOT NULL,
        -- Statistics read one kecamatan × bidang cell (or a '*' total) over a range of periods: cell first.
        PRIMARY KEY (period_kind, kecamatan_kode, bidang, period_start, bucket) INCLUDE (n)
      );
      -- Rebuilds replace whole periods.
      CREATE INDEX rollup_verify_hist_period_idx ON rollup_verify_hist (period_kind, period_start);
      CREATE TABLE rollup_watermark (
        name text PRIMARY KEY,
        seq bigint NOT NULL
      );
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS rollup_watermark;
      DROP TABLE IF EXISTS rollup_verify_hist;
      DROP TABLE IF EXISTS rollup_counts;
      DROP INDEX IF EXISTS report_events_verified_idx;
      DROP INDEX IF EXISTS reports_rollup_day_idx;
      DROP FUNCTION IF EXISTS rollup_day(text, text, timestamptz);
    `);
  },
};
