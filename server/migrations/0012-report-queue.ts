import type { Migration } from "./index.ts";

/**
 * The verifiers' queue and amendments.
 * - `amended_at`: a verified periodic report its author resent (an amendment), not yet reviewed; the
 *   queue filters on it (`flagged`), a verifier's review clears it.
 * - keyset paging on (received_at, id), and time ranges on occurred_at;
 * - text search over the perihal and the facts: `report_search_text` is the one definition of what is
 *   searched (contract/report-queue.ts `reportSearchText` joins the same fields the same way), with a
 *   trigram index for `ILIKE '%words%'` (pg_trgm, created by 0010).
 */
export const reportQueue: Migration = {
  name: "0012-report-queue",
  async up({ sequelize }) {
    await sequelize.query(`
      ALTER TABLE reports ADD COLUMN amended_at timestamptz;
      CREATE INDEX reports_amended_idx ON reports (amended_at) WHERE amended_at IS NOT NULL;
      CREATE INDEX reports_received_id_idx ON reports (received_at, id);
      CREATE INDEX reports_occurred_idx ON reports (occurred_at);
      CREATE FUNCTION report_search_text(perihal text, body jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS 'SELECT perihal
              || '' '' || coalesce(body -> ''fakta'' ->> ''siapa'', '''')
              || '' '' || coalesce(body -> ''fakta'' ->> ''apa'', '''')
              || '' '' || coalesce(body -> ''fakta'' ->> ''diMana'', '''')
              || '' '' || coalesce(body -> ''fakta'' ->> ''denganApa'', '''')
              || '' '' || coalesce(body -> ''fakta'' ->> ''mengapa'', '''')
              || '' '' || coalesce(body -> ''fakta'' ->> ''bagaimana'', '''')
              || '' '' || coalesce(body -> ''fakta'' ->> ''bilamana'', '''')';
      CREATE INDEX reports_search_trgm_idx ON reports USING gin (report_search_text(perihal, body) gin_trgm_ops);
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP INDEX IF EXISTS reports_search_trgm_idx;
      DROP FUNCTION IF EXISTS report_search_text(text, jsonb);
      DROP INDEX IF EXISTS reports_occurred_idx;
      DROP INDEX IF EXISTS reports_received_id_idx;
      DROP INDEX IF EXISTS reports_amended_idx;
      ALTER TABLE reports DROP COLUMN IF EXISTS amended_at;
    `);
  },
};
