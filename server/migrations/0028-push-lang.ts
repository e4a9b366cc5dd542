import type { Migration } from "./index.ts";

/**
 * `push_subscriptions.lang`: the language of the dashboard a browser subscribed from ('id' or 'en'),
 * which its pushes are then worded in (contract notification-words.ts). Subscriptions made before it
 * read Indonesian, as they did.
 */
export const pushLang: Migration = {
  name: "0028-push-lang",
  async up({ sequelize }) {
    await sequelize.query(`ALTER TABLE push_subscriptions ADD COLUMN lang text NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en'));`);
  },
  async down({ sequelize }) {
    await sequelize.query(`ALTER TABLE push_subscriptions DROP COLUMN IF EXISTS lang;`);
  },
};
