import type { Migration } from "./index.ts";

/**
 * A resubmitted client_id is now told apart (retry or conflict) by comparing the stored payload with the
 * new one as jsonb, which ignores key order the way the hash's canonical JSON did; the hash, computed
 * in Node on every report, is no longer needed.
 */
export const revisionsComparePayloads: Migration = {
  name: "0006-revisions-compare-payloads",
  async up({ sequelize }) {
    await sequelize.query(`ALTER TABLE report_revisions DROP COLUMN payload_hash`);
  },
  async down({ sequelize }) {
    // The canonical-JSON hash cannot be rebuilt in SQL; a placeholder keeps the column's NOT NULL.
    await sequelize.query(`ALTER TABLE report_revisions ADD COLUMN payload_hash text NOT NULL DEFAULT ''`);
  },
};
