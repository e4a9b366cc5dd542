import type { Migration } from "./index.ts";

/**
 * Housekeeping's reads (server/jobs/housekeeping-jobs.ts): the daily prune of old notifications and of
 * finished push deliveries finds its rows by age, not by user, so each table gets an index on it. Without
 * them the prune would read the whole table once a day, which grows with every publication.
 */
export const notificationRetention: Migration = {
  name: "0024-notification-retention",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE INDEX notifications_created_idx ON notifications (created_at);
      CREATE INDEX push_queue_finished_idx ON push_queue (created_at) WHERE status <> 'pending';
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP INDEX IF EXISTS push_queue_finished_idx, notifications_created_idx;`);
  },
};
