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

export interface AuditFilter {
  /** Any of these actions; none or empty: every action. */
  actions?: string[];
  /** The actor's username at the time (kept in the entry even if the account is renamed). */
  actor?: string;
  actorId?: string;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: string;
  to?: string;
  limit: number;
  before?: number;
}

interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * A page of the log, newest first, each entry with the names people read: the actor's display name and
 * a label of the target as it is now — a report's number and perihal, a user's name, an incident's number
 * and title, an agency, an assignment's agency and what it is about. Target ids are text in the log; only
 * those shaped like a uuid are looked up.
 */
export async function getAuditEntries(db: Sequelize, f: AuditFilter): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `WITH page AS (
       SELECT a.*,
              CASE WHEN a.target_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   THEN CAST(a.target_id AS uuid) END AS target_uuid
       FROM audit_log a
       WHERE (CAST(:actions AS text[]) IS NULL OR a.action = ANY (CAST(:actions AS text[])))
         AND (CAST(:actor AS text) IS NULL OR a.actor_username = :actor)
         AND (CAST(:actorId AS uuid) IS NULL OR a.actor_id = CAST(:actorId AS uuid))
         AND (CAST(:from AS timestamptz) IS NULL OR a.at >= CAST(:from AS timestamptz))
         AND (CAST(:to AS timestamptz) IS NULL OR a.at < CAST(:to AS timestamptz))
         AND (CAST(:before AS bigint) IS NULL OR a.id < :before)
       ORDER BY a.id DESC LIMIT :limit
     )
     SELECT p.id, p.at, p.action, p.actor_id, p.actor_username, actor.display_name AS actor_name,
            p.target_type, p.target_id, p.ip, p.details,
            CASE p.target_type
              WHEN 'report' THEN r.number || ' · ' || r.perihal
              WHEN 'user' THEN tu.display_name || ' (' || tu.username || ')'
              WHEN 'incident' THEN i.number || ' · ' || i.title
              WHEN 'agency' THEN ag.name
              WHEN 'assignment' THEN fag.name || ' · ' || COALESCE(fr.number, fi.number)
            END AS target_label
     FROM page p
     LEFT JOIN users actor ON actor.id = p.actor_id
     LEFT JOIN reports r ON p.target_type = 'report' AND r.id = p.target_uuid
     LEFT JOIN users tu ON p.target_type = 'user' AND tu.id = p.target_uuid
     LEFT JOIN incidents i ON p.target_type = 'incident' AND i.id = p.target_uuid
     LEFT JOIN agencies ag ON p.target_type = 'agency' AND ag.id = p.target_uuid
     LEFT JOIN followup_assignments fa ON p.target_type = 'assignment' AND fa.id = p.target_uuid
     LEFT JOIN agencies fag ON fag.id = fa.agency_id
     LEFT JOIN reports fr ON fr.id = fa.report_id
     LEFT JOIN incidents fi ON fi.id = fa.incident_id
     ORDER BY p.id DESC`,
    {
      replacements: {
        actions: f.actions?.length ? `{${f.actions.join(",")}}` : null,
        actor: f.actor ?? null,
        actorId: f.actorId ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
        before: f.before ?? null,
        limit: f.limit,
      },
      type: QueryTypes.SELECT,
    },
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    action: r.action,
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    actorName: r.actor_name,
    targetType: r.target_type,
    targetId: r.target_id,
    targetLabel: r.target_label,
    ip: r.ip,
    details: r.details,
  }));
}
