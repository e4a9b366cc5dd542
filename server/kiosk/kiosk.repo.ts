import { QueryTypes, type Sequelize } from "sequelize";

/** The `kiosk_tokens` table (migration 0023), written here and nowhere else. */

export interface KioskRow {
  id: string;
  label: string;
  prefix: string;
  created_at: Date;
  created_by: string;
  created_by_name: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = `k.id, k.label, k.prefix, k.created_at, k.created_by, u.username AS created_by_name, k.last_used_at, k.revoked_at`;
const FROM = `kiosk_tokens k JOIN users u ON u.id = k.created_by`;

export async function insertKioskToken(db: Sequelize, t: { label: string; hash: string; prefix: string; by: string; now: Date }): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO kiosk_tokens (label, token_hash, prefix, created_by, created_at) VALUES (:label, :hash, :prefix, :by, :now) RETURNING id`,
    { replacements: t, type: QueryTypes.SELECT },
  );
  return row!.id;
}

export async function getKioskTokens(db: Sequelize, ids: string[] | null): Promise<KioskRow[]> {
  return db.query<KioskRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE CAST(:ids AS uuid[]) IS NULL OR k.id = ANY (CAST(:ids AS uuid[]))
     ORDER BY k.created_at DESC, k.id`,
    { replacements: { ids: ids ? `{${ids.join(",")}}` : null }, type: QueryTypes.SELECT },
  );
}

/** The live (not revoked) token with this hash. */
export async function getLiveKioskByHash(db: Sequelize, hash: string): Promise<{ id: string; label: string } | null> {
  const [row] = await db.query<{ id: string; label: string }>(`SELECT id, label FROM kiosk_tokens WHERE token_hash = :hash AND revoked_at IS NULL`, {
    replacements: { hash },
    type: QueryTypes.SELECT,
  });
  return row ?? null;
}

/** Revoke once: true when this call revoked it (false when it was revoked already or is unknown). */
export async function revokeKioskToken(db: Sequelize, id: string, by: string, now: Date): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE kiosk_tokens SET revoked_at = :now, revoked_by = :by WHERE id = :id AND revoked_at IS NULL RETURNING id`,
    { replacements: { id, by, now }, type: QueryTypes.SELECT },
  );
  return rows.length > 0;
}

/** Note a use, at most once a minute per token (the condition keeps several nodes from writing more often). */
export async function touchKioskToken(db: Sequelize, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE kiosk_tokens SET last_used_at = :now
     WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:now AS timestamptz) - interval '1 minute')`,
    { replacements: { id, now } },
  );
}

/** Which of these tokens are revoked (or gone). */
export async function getRevokedAmong(db: Sequelize, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const live = await db.query<{ id: string }>(
    `SELECT id FROM kiosk_tokens WHERE id = ANY (CAST(:ids AS uuid[])) AND revoked_at IS NULL`,
    { replacements: { ids: `{${ids.join(",")}}` }, type: QueryTypes.SELECT },
  );
  const alive = new Set(live.map((r) => r.id));
  return ids.filter((id) => !alive.has(id));
}
