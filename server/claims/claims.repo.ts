import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The one writer of `report_claims`. A claim is live while `expires_at > now`, where now is always passed
 * in (the app's clock), never SQL `now()`: tests move time without sleeping, and every node agrees.
 */

/** A live claim with its holder's name, as readers show it. */
export interface LiveClaimRow {
  report_id: string;
  holder_id: string;
  holder_name: string;
  claimed_at: Date;
  expires_at: Date;
}

/** The caller's lease after taking or renewing it. */
export interface TakenClaimRow extends LiveClaimRow {
  /** The caller held a live lease already: a renewal, not a new claim. */
  renewed: boolean;
}

/**
 * Take the report, or renew the caller's own lease, in one statement: the row is written when nobody
 * holds it, the holder's lease has lapsed, or the caller is the holder. Of any number of callers at
 * once exactly one gets a row back; the others get nothing (somebody else holds it).
 */
export async function takeClaim(
  db: Sequelize,
  c: { reportId: string; holderId: string; now: Date; expiresAt: Date },
  transaction?: Transaction,
): Promise<TakenClaimRow | undefined> {
  const [row] = await db.query<TakenClaimRow>(
    `WITH before AS (
       SELECT holder_id = :holderId AND expires_at > :now AS renewing FROM report_claims WHERE report_id = :reportId
     ), taken AS (
       INSERT INTO report_claims AS c (report_id, holder_id, claimed_at, expires_at)
       VALUES (:reportId, :holderId, :now, :expiresAt)
       ON CONFLICT (report_id) DO UPDATE
         SET holder_id = EXCLUDED.holder_id,
             -- A renewal keeps when the lease began; a new holder (or a lapsed one coming back) starts now.
             claimed_at = CASE WHEN c.holder_id = EXCLUDED.holder_id AND c.expires_at > :now THEN c.claimed_at ELSE EXCLUDED.claimed_at END,
             expires_at = EXCLUDED.expires_at
         WHERE c.expires_at <= :now OR c.holder_id = EXCLUDED.holder_id
       RETURNING c.report_id, c.holder_id, c.claimed_at, c.expires_at
     )
     SELECT taken.*, u.display_name AS holder_name, COALESCE((SELECT renewing FROM before), false) AS renewed
     FROM taken JOIN users u ON u.id = taken.holder_id`,
    { replacements: c, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** The live claims among these reports, with their holders' names. */
export async function getLiveClaims(db: Sequelize, reportIds: string[], now: Date, transaction?: Transaction): Promise<LiveClaimRow[]> {
  if (!reportIds.length) return [];
  return db.query<LiveClaimRow>(
    `SELECT c.report_id, c.holder_id, u.display_name AS holder_name, c.claimed_at, c.expires_at
     FROM report_claims c JOIN users u ON u.id = c.holder_id
     WHERE c.report_id = ANY (CAST(:ids AS uuid[])) AND c.expires_at > :now`,
    { replacements: { ids: `{${reportIds.join(",")}}`, now }, type: QueryTypes.SELECT, transaction },
  );
}

/** What a deleted claim was: whose, and whether it was still live when it went. */
export interface DroppedClaimRow {
  holder_id: string;
  was_live: boolean;
}

/** Delete `holderId`'s claim row on the report (a release, a break, the end of a decision), live or lapsed. */
export async function dropClaim(
  db: Sequelize,
  d: { reportId: string; holderId: string; now: Date },
  transaction?: Transaction,
): Promise<DroppedClaimRow | undefined> {
  const [row] = await db.query<DroppedClaimRow>(
    `DELETE FROM report_claims WHERE report_id = :reportId AND holder_id = :holderId
     RETURNING holder_id, expires_at > :now AS was_live`,
    { replacements: d, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** What deciding who may claim a report needs: where it is, whose it is, its number for the audit. */
export interface ClaimTargetRow {
  id: string;
  number: string;
  kecamatan_kode: string;
  author_id: string;
}

export async function getClaimTarget(db: Sequelize, reportId: string, transaction?: Transaction): Promise<ClaimTargetRow | undefined> {
  const [row] = await db.query<ClaimTargetRow>(`SELECT id, number, kecamatan_kode, author_id FROM reports WHERE id = :reportId`, {
    replacements: { reportId },
    type: QueryTypes.SELECT,
    transaction,
  });
  return row;
}

/** A user's display name (the admin who broke a claim, as its holder is told). */
export async function getDisplayName(db: Sequelize, userId: string): Promise<string | undefined> {
  const [row] = await db.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = :userId`, {
    replacements: { userId },
    type: QueryTypes.SELECT,
  });
  return row?.display_name;
}
