import type { Migration } from "./index.ts";

/**
 * Report events beyond status changes (claims, merges, assignments, responses, amendments, publication)
 * carry structured details: the incident merged into, the agency assigned, the revision numbers compared.
 */
export const reportEventDetails: Migration = {
  name: "0008-report-event-details",
  async up({ sequelize }) {
    await sequelize.query(`ALTER TABLE report_events ADD COLUMN details jsonb`);
  },
  async down({ sequelize }) {
    await sequelize.query(`ALTER TABLE report_events DROP COLUMN details`);
  },
};
