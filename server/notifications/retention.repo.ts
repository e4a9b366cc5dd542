import { QueryTypes, type Sequelize } from "sequelize";

export interface NotificationCutoffs {
  /** Read notifications created before this go. */
  readBefore: Date;
  /** Every notification created before this goes, read or not (nobody scrolls back a year). */
  anyBefore: Date;
  /** Push deliveries finished (sent or given up) and queued before this go; pending ones always stay. */
  pushesBefore: Date;
}

/** Delete what the cutoffs leave behind; answers how many rows of each went. */
export async function pruneNotifications(db: Sequelize, c: NotificationCutoffs): Promise<{ notifications: number; pushes: number }> {
  const [row] = await db.query<{ notifications: number; pushes: number }>(
    `WITH gone_notifications AS (
       DELETE FROM notifications
        WHERE created_at < :anyBefore OR (created_at < :readBefore AND read_at IS NOT NULL)
       RETURNING 1
     ), gone_pushes AS (
       DELETE FROM push_queue WHERE status <> 'pending' AND created_at < :pushesBefore RETURNING 1
     )
     SELECT (SELECT count(*) FROM gone_notifications)::int AS notifications,
            (SELECT count(*) FROM gone_pushes)::int AS pushes`,
    { replacements: { ...c }, type: QueryTypes.SELECT },
  );
  return row!;
}
