import { QueryTypes, type Sequelize } from "sequelize";
import type { NotificationSubscription } from "@contract/notifications.ts";

interface SubscriptionRow {
  enabled: boolean;
  kecamatan_kodes: string[];
  bidang: string[];
}

/**
 * The users who want to hear of a publication in kecamatan `:kecamatan` of bidang `:bidang`: a turned-on
 * subscription whose lists are empty (everything) or name them, of an active account. A fragment for the
 * fan-out statements (notifications and push queue), so both pick exactly the same people.
 */
export const MATCHING_SUBSCRIBERS = `
  SELECT s.user_id FROM notification_subscriptions s JOIN users u ON u.id = s.user_id AND u.active
  WHERE s.enabled
    AND (cardinality(s.kecamatan_kodes) = 0 OR CAST(:kecamatan AS text) = ANY (s.kecamatan_kodes))
    AND (cardinality(s.bidang) = 0 OR CAST(:bidang AS text) = ANY (s.bidang))`;

/** The user's subscription; off with empty lists when they never set one. */
export async function getSubscription(db: Sequelize, userId: string): Promise<NotificationSubscription> {
  const [row] = await db.query<SubscriptionRow>(`SELECT enabled, kecamatan_kodes, bidang FROM notification_subscriptions WHERE user_id = :userId`, {
    replacements: { userId },
    type: QueryTypes.SELECT,
  });
  return row
    ? { enabled: row.enabled, kecamatan: row.kecamatan_kodes, bidang: row.bidang as NotificationSubscription["bidang"] }
    : { enabled: false, kecamatan: [], bidang: [] };
}

/** Replace the user's subscription (lists as given: validated codes, kept sorted and unique). */
export async function putSubscription(db: Sequelize, userId: string, sub: NotificationSubscription, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO notification_subscriptions (user_id, enabled, kecamatan_kodes, bidang, updated_at)
     VALUES (:userId, :enabled,
             ARRAY(SELECT jsonb_array_elements_text(CAST(:kecamatan AS jsonb))),
             ARRAY(SELECT jsonb_array_elements_text(CAST(:bidang AS jsonb))), :now)
     ON CONFLICT (user_id) DO UPDATE
       SET enabled = EXCLUDED.enabled, kecamatan_kodes = EXCLUDED.kecamatan_kodes, bidang = EXCLUDED.bidang, updated_at = EXCLUDED.updated_at`,
    {
      replacements: {
        userId,
        enabled: sub.enabled,
        kecamatan: JSON.stringify([...new Set(sub.kecamatan)].sort()),
        bidang: JSON.stringify([...new Set(sub.bidang)].sort()),
        now,
      },
    },
  );
}
