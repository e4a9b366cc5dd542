import type { Migration } from "./index.ts";

/**
 * `notifications.params`: what a notification is about, as data (contract NotificationParams), so the
 * dashboard words it in the reader's language; `title` and `body` stay the Indonesian words, as pushed.
 * Rows stored before have none and are shown as stored.
 */
export const notificationParams: Migration = {
  name: "0026-notification-params",
  async up({ sequelize }) {
    await sequelize.query(`ALTER TABLE notifications ADD COLUMN params jsonb;`);
  },
  async down({ sequelize }) {
    await sequelize.query(`ALTER TABLE notifications DROP COLUMN IF EXISTS params;`);
  },
};
