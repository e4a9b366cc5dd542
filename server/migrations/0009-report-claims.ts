import type { Migration } from "./index.ts";

/**
 * Claims as leases: at most one holder per report, until `expires_at`. A claim is live while
 * `expires_at > now` (now from the app's clock); an expired row frees the report by itself, and the next
 * claim overwrites it. Written only by server/claims/.
 */
export const reportClaims: Migration = {
  name: "0009-report-claims",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE report_claims (
        report_id uuid PRIMARY KEY REFERENCES reports (id),
        holder_id uuid NOT NULL REFERENCES users (id),
        claimed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX report_claims_holder_idx ON report_claims (holder_id);
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS report_claims`);
  },
};
