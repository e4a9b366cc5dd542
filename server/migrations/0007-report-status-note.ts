import type { Migration } from "./index.ts";

/**
 * The verifier's note on a report's current status (why it was rejected, what to revise), shown to its
 * author. Every status change with its note also stays in report_events.
 */
export const reportStatusNote: Migration = {
  name: "0007-report-status-note",
  async up({ sequelize }) {
    await sequelize.query(`ALTER TABLE reports ADD COLUMN status_note text`);
  },
  async down({ sequelize }) {
    await sequelize.query(`ALTER TABLE reports DROP COLUMN status_note`);
  },
};
