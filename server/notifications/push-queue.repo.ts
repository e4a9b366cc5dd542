import { QueryTypes, type Sequelize } from "sequelize";
import type { NotificationLang } from "@contract/notification-words.ts";
import type { PushPayload } from "@contract/notifications.ts";
import { MATCHING_SUBSCRIBERS } from "./subscriptions.repo.ts";

/** A push claimed for sending, with where it goes and the keys it is encrypted to. */
export interface ClaimedPush {
  id: string;
  subscription_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  payload: PushPayload;
  /** Including this one. */
  attempts: number;
}

/**
 * One push per browser of every subscriber the publication matches, in the browser's language: one
 * statement. How many were queued.
 */
export async function enqueueForSubscribers(db: Sequelize, match: { kecamatan: string; bidang: string }, payloads: Record<NotificationLang, PushPayload>, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO push_queue (subscription_id, payload, next_attempt_at, created_at)
     SELECT p.id, CASE p.lang WHEN 'en' THEN CAST(:payloadEn AS jsonb) ELSE CAST(:payloadId AS jsonb) END, :now, :now
     FROM push_subscriptions p WHERE p.user_id IN (${MATCHING_SUBSCRIBERS})
     RETURNING id::text AS id`,
    { replacements: { ...match, payloadId: JSON.stringify(payloads.id), payloadEn: JSON.stringify(payloads.en), now }, type: QueryTypes.SELECT },
  );
  return rows.length;
}

/**
 * Take up to `limit` due pushes for sending and count the attempt. The rows are picked with FOR UPDATE
 * SKIP LOCKED and moved `leaseMs` into the future in the same statement, so another node (or another
 * pass) neither waits for them nor takes them while this one sends — sending itself holds no lock or
 * transaction. A node that dies mid-send leaves the row to be retried when the lease ends.
 */
export async function claimDuePushes(db: Sequelize, now: Date, limit: number, leaseMs: number): Promise<ClaimedPush[]> {
  return db.query<ClaimedPush>(
    `WITH due AS (
       SELECT id FROM push_queue WHERE status = 'pending' AND next_attempt_at <= :now
       ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE push_queue q SET attempts = q.attempts + 1, next_attempt_at = CAST(:now AS timestamptz) + make_interval(secs => :leaseS)
       FROM due WHERE q.id = due.id
       RETURNING q.id, q.subscription_id, q.payload, q.attempts
     )
     SELECT c.id::text AS id, c.subscription_id, p.endpoint, p.p256dh, p.auth, c.payload, c.attempts
     FROM claimed c JOIN push_subscriptions p ON p.id = c.subscription_id ORDER BY c.id`,
    { replacements: { now, limit, leaseS: leaseMs / 1000 }, type: QueryTypes.SELECT },
  );
}

export async function markPushSent(db: Sequelize, id: string, now: Date): Promise<void> {
  await db.query(`UPDATE push_queue SET status = 'sent', sent_at = :now, last_error = NULL WHERE id = :id`, { replacements: { id, now } });
}

/** Try again at `at`. */
export async function retryPushAt(db: Sequelize, id: string, at: Date, error: string): Promise<void> {
  await db.query(`UPDATE push_queue SET next_attempt_at = :at, last_error = :error WHERE id = :id`, { replacements: { id, at, error } });
}

/** Given up: kept with its last error for an operator to read. */
export async function markPushFailed(db: Sequelize, id: string, error: string): Promise<void> {
  await db.query(`UPDATE push_queue SET status = 'failed', last_error = :error WHERE id = :id`, { replacements: { id, error } });
}

export interface QueuedPushRow {
  id: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
}

/** The queue rows of one browser subscription (tests and operators look at them). */
export async function getQueuedPushes(db: Sequelize, subscriptionId: string): Promise<QueuedPushRow[]> {
  return db.query<QueuedPushRow>(
    `SELECT id::text AS id, status, attempts, next_attempt_at, last_error FROM push_queue WHERE subscription_id = :subscriptionId ORDER BY push_queue.id`,
    { replacements: { subscriptionId }, type: QueryTypes.SELECT },
  );
}

/** Pushes of a publication not sent yet, dropped when it is unpublished (one already delivered cannot be recalled). */
export async function dropPendingPushesOf(db: Sequelize, tag: string): Promise<number> {
  const rows = await db.query<{ id: string }>(`DELETE FROM push_queue WHERE status = 'pending' AND payload ->> 'tag' = :tag RETURNING id::text AS id`, {
    replacements: { tag },
    type: QueryTypes.SELECT,
  });
  return rows.length;
}
