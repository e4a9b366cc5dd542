import { QueryTypes, type Sequelize } from "sequelize";
import type { NotificationLang } from "@contract/notification-words.ts";

/** The server's VAPID key pair (base64url, as web-push makes them). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The stored key pair, or none yet. */
export async function getVapidKeys(db: Sequelize): Promise<VapidKeys | null> {
  const [row] = await db.query<VapidKeys>(`SELECT public_key AS "publicKey", private_key AS "privateKey" FROM push_vapid_keys WHERE id = 1`, {
    type: QueryTypes.SELECT,
  });
  return row ?? null;
}

/** Store a key pair unless one is there already (two nodes starting together keep the first). */
export async function insertVapidKeysIfNone(db: Sequelize, keys: VapidKeys, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO push_vapid_keys (id, public_key, private_key, created_at) VALUES (1, :publicKey, :privateKey, :now) ON CONFLICT (id) DO NOTHING`,
    { replacements: { ...keys, now } },
  );
}

/** A browser's push subscription, stored for a user. */
export interface PushSubscriptionRow {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Save a browser's subscription for the user. An endpoint is one browser profile: subscribing it again
 * (new keys, or another user signed in on that browser) replaces the row, so a browser never gets pushes
 * meant for the one who used it before.
 */
export async function upsertPushSubscription(db: Sequelize, userId: string, sub: { endpoint: string; p256dh: string; auth: string; lang: NotificationLang }, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, lang, created_at) VALUES (:userId, :endpoint, :p256dh, :auth, :lang, :now)
     ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, lang = EXCLUDED.lang, created_at = EXCLUDED.created_at`,
    { replacements: { userId, ...sub, now } },
  );
}

/** Change the language of the user's subscription of this endpoint; false when the user has none there. */
export async function setOwnPushLanguage(db: Sequelize, userId: string, endpoint: string, lang: NotificationLang): Promise<boolean> {
  const rows = await db.query(`UPDATE push_subscriptions SET lang = :lang WHERE user_id = :userId AND endpoint = :endpoint RETURNING id`, {
    replacements: { userId, endpoint, lang },
    type: QueryTypes.SELECT,
  });
  return rows.length > 0;
}

/** Remove the user's subscription of this endpoint (another user's is left alone). */
export async function deleteOwnPushSubscription(db: Sequelize, userId: string, endpoint: string): Promise<void> {
  await db.query(`DELETE FROM push_subscriptions WHERE user_id = :userId AND endpoint = :endpoint`, { replacements: { userId, endpoint } });
}

/** The push service said the subscription is gone (404/410): forget it, with its queued pushes. */
export async function deletePushSubscription(db: Sequelize, id: string): Promise<void> {
  await db.query(`DELETE FROM push_subscriptions WHERE id = :id`, { replacements: { id } });
}

export async function getPushSubscriptionsOf(db: Sequelize, userId: string): Promise<PushSubscriptionRow[]> {
  return db.query<PushSubscriptionRow>(`SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = :userId ORDER BY created_at`, {
    replacements: { userId },
    type: QueryTypes.SELECT,
  });
}
