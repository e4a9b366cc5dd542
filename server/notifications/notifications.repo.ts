import { QueryTypes, type Sequelize } from "sequelize";
import type { NotificationKind, NotificationListQuery, NotificationParams } from "@contract/notifications.ts";
import { MATCHING_SUBSCRIBERS } from "./subscriptions.repo.ts";

/** A notification row as stored (the only writer of the `notifications` table is this module). */
export interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  params: NotificationParams | null;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/** What one notification says; who gets it is decided by each insert. */
export interface NotificationText {
  title: string;
  body: string;
  params: NotificationParams;
  link: string;
  reportId: string;
}

const RETURNING = `RETURNING id::text AS id, user_id, kind, title, body, params, link, created_at, read_at`;
/** A text's replacements: its params as one JSON value. */
const replacementsOf = (text: NotificationText) => ({ ...text, params: JSON.stringify(text.params) });

/** A publication to every subscriber it matches: one statement, however many subscribers. */
export async function insertForSubscribers(
  db: Sequelize,
  match: { kecamatan: string; bidang: string },
  text: NotificationText,
  now: Date,
): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `INSERT INTO notifications (user_id, kind, title, body, params, link, report_id, created_at)
     SELECT m.user_id, 'report_published', :title, :body, CAST(:params AS jsonb), :link, :reportId, :now FROM (${MATCHING_SUBSCRIBERS}) m
     ${RETURNING}`,
    { replacements: { ...match, ...replacementsOf(text), now }, type: QueryTypes.SELECT },
  );
}

/** A decision about a report to its author (nothing when the account is gone or disabled). */
export async function insertForAuthor(db: Sequelize, authorId: string, text: NotificationText, now: Date): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `INSERT INTO notifications (user_id, kind, title, body, params, link, report_id, created_at)
     SELECT u.id, 'report_decided', :title, :body, CAST(:params AS jsonb), :link, :reportId, :now FROM users u WHERE u.id = :authorId AND u.active
     ${RETURNING}`,
    { replacements: { authorId, ...replacementsOf(text), now }, type: QueryTypes.SELECT },
  );
}

/**
 * New reports to the verifiers of their kecamatan (a verifier without regions acts on all): one statement
 * for a whole intake group, reports × verifiers.
 */
export async function insertForRegionVerifiers(db: Sequelize, reports: (NotificationText & { kecamatanKode: string })[], now: Date): Promise<NotificationRow[]> {
  if (!reports.length) return [];
  return db.query<NotificationRow>(
    `INSERT INTO notifications (user_id, kind, title, body, params, link, report_id, created_at)
     SELECT u.id, 'report_received', r.title, r.body, r.params, r.link, r."reportId", :now
     FROM jsonb_to_recordset(CAST(:reports AS jsonb)) AS r("reportId" uuid, "kecamatanKode" text, title text, body text, params jsonb, link text)
     JOIN users u ON u.role = 'verifier' AND u.active
                 AND (cardinality(u.verifier_regions) = 0 OR r."kecamatanKode" = ANY (u.verifier_regions))
     ${RETURNING}`,
    { replacements: { reports: JSON.stringify(reports), now }, type: QueryTypes.SELECT },
  );
}

/** The user's notifications, newest first, before the cursor id. */
export async function listNotifications(db: Sequelize, userId: string, q: NotificationListQuery): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `SELECT id::text AS id, user_id, kind, title, body, params, link, created_at, read_at FROM notifications
     WHERE user_id = :userId AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
     ORDER BY notifications.id DESC LIMIT :limit`,
    { replacements: { userId, before: q.before ?? null, limit: q.limit }, type: QueryTypes.SELECT },
  );
}

export async function countUnread(db: Sequelize, userId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = :userId AND read_at IS NULL`, {
    replacements: { userId },
    type: QueryTypes.SELECT,
  });
  return row?.n ?? 0;
}

/** Mark the user's own notifications read: these ids (others' ids are ignored), or all when `ids` is null. */
export async function markRead(db: Sequelize, userId: string, ids: string[] | null, now: Date): Promise<void> {
  await db.query(
    `UPDATE notifications SET read_at = :now
     WHERE user_id = :userId AND read_at IS NULL
       AND (CAST(:ids AS jsonb) IS NULL OR id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS bigint)))`,
    { replacements: { userId, ids: ids ? JSON.stringify(ids) : null, now } },
  );
}

/**
 * An unpublished report's publication notices: deleted, so no guest's notification centre keeps showing
 * the public title and summary of a report the agency withdrew. Answers whose they were, for the sockets.
 */
export async function deletePublicationNotices(db: Sequelize, reportId: string): Promise<{ id: string; user_id: string }[]> {
  return db.query<{ id: string; user_id: string }>(
    `DELETE FROM notifications WHERE report_id = :reportId AND kind = 'report_published' RETURNING id::text AS id, user_id`,
    { replacements: { reportId }, type: QueryTypes.SELECT },
  );
}
