import type { Migration } from "./index.ts";

/**
 * Notifications (server/notifications/): the in-app centre, the subscriptions that pick publications,
 * and Web Push — the browsers' subscriptions, a durable send queue, and the server's VAPID key pair.
 * Everything of a user goes with the user (ON DELETE CASCADE: "delete my account" leaves nothing behind);
 * a queued push goes with its push subscription (a 404/410 from the push service deletes that).
 */
export const notificationsTables: Migration = {
  name: "0020-notifications",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE notification_subscriptions (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        enabled boolean NOT NULL,
        kecamatan_kodes text[] NOT NULL DEFAULT '{}',
        bidang text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX notification_subscriptions_enabled_idx ON notification_subscriptions (user_id) WHERE enabled;

      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('report_published', 'report_decided', 'report_received')),
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        report_id uuid,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

      CREATE TABLE push_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        endpoint text NOT NULL UNIQUE,
        p256dh text NOT NULL,
        auth text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

      CREATE TABLE push_queue (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      );
      CREATE INDEX push_queue_due_idx ON push_queue (next_attempt_at) WHERE status = 'pending';

      -- One row: the server's VAPID key pair, made on first start (two nodes racing keep the first).
      CREATE TABLE push_vapid_keys (
        id smallint PRIMARY KEY CHECK (id = 1),
        public_key text NOT NULL,
        private_key text NOT NULL,
        created_at timestamptz NOT NULL
      );
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS push_vapid_keys, push_queue, push_subscriptions, notifications, notification_subscriptions`);
  },
};
