import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { AuditEntry } from "@contract/users.ts";

export interface AuditRecord {
  action: string;
  actorId?: string | null;
  actorUsername?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function insertAuditRecord(db: Sequelize, r: AuditRecord, transaction?: Transaction): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (action, actor_id, actor_username, target_type, target_id, ip, details)
     VALUES (:action, :actorId, :actorUsername, :targetType, :targetId, :ip, CAST(:details AS jsonb))`,
    {
      replacements: {
        action: r.action,
        actorId: r.actorId ?? null,
        actorUsername: r.actorUsername ?? null,
        targetType: r.targetType ?? null,
        targetId: r.targetId ?? null,
        ip: r.ip ?? null,
        details: JSON.stringify(r.details ?? {}),
      },
      transaction,
    },
  );
}

export async function getAuditEntries(
  db: Sequelize,
  f: { action?: string; actor?: string; limit: number; before?: number },
): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: number;
    at: Date;
    action: string;
    actor_id: string | null;
    actor_username: string | null;
    target_type: string | null;
    target_id: string | null;
    ip: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT * FROM audit_log
     WHERE (CAST(:action AS text) IS NULL OR action = :action)
       AND (CAST(:actor AS text) IS NULL OR actor_username = :actor)
       AND (CAST(:before AS bigint) IS NULL OR id < :before)
     ORDER BY id DESC LIMIT :limit`,
    {
      replacements: { action: f.action ?? null, actor: f.actor ?? null, before: f.before ?? null, limit: f.limit },
      type: QueryTypes.SELECT,
    },
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    action: r.action,
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    targetType: r.target_type,
    targetId: r.target_id,
    ip: r.ip,
    details: r.details,
  }));
}
