import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * Any constant: the lock that serialises change-log writers (see appendChanges). Writers that append in
 * their own SQL (intake's one-statement commit) take it too, through this key.
 */
export const CHANGES_LOCK_KEY = 7_300_417;

export interface NewChange {
  entity: "report";
  entityId: string;
  kind: string;
  kecamatanKode: string | null;
  authorId: string | null;
  published: boolean;
  /** Sent live with the event; not stored — readers catching up get the entity's current state. */
  payload: unknown;
}

export interface ChangeRow {
  seq: number;
  at: Date;
  entity: "report";
  entity_id: string;
  kind: string;
  payload: unknown;
}

/**
 * Append to the change log inside the caller's transaction. A bigserial alone is not enough for gap-free
 * resume: transactions could commit out of seq order, and a client that read seq 6 before seq 5 committed
 * would never see 5. The transaction-scoped advisory lock makes writers take seqs in commit order; it is
 * held only from here to commit, and intake batches many reports per transaction, so contention is low.
 */
export async function appendChanges(db: Sequelize, changes: NewChange[], transaction: Transaction): Promise<ChangeRow[]> {
  if (!changes.length) return [];
  await db.query(`SELECT pg_advisory_xact_lock(${CHANGES_LOCK_KEY})`, { transaction });
  const rows = await db.query<Omit<ChangeRow, "payload">>(
    `INSERT INTO changes (entity, entity_id, kind, kecamatan_kode, author_id, published)
     SELECT entity, "entityId", kind, "kecamatanKode", "authorId", published
     FROM jsonb_to_recordset($1::jsonb) AS x(
       entity text, "entityId" uuid, kind text, "kecamatanKode" text, "authorId" uuid, published boolean, n int)
     ORDER BY n
     RETURNING seq, at, entity, entity_id, kind`,
    { bind: [JSON.stringify(changes.map((c, n) => ({ ...c, payload: undefined, n })))], type: QueryTypes.SELECT, transaction },
  );
  // The payload is ours already: attach it rather than have PostgreSQL send it back.
  const payloads = new Map(changes.map((c) => [c.entityId, c.payload]));
  return rows.map((r) => ({ ...r, payload: payloads.get(r.entity_id) }));
}

/** Who may see which change rows: the caller builds this from the actor's permission scope. */
export interface ChangeFilter {
  /** null: every kecamatan. */
  kecamatan: string[] | null;
  authorId?: string;
  publishedOnly?: boolean;
}

export async function listChanges(db: Sequelize, after: number, limit: number, f: ChangeFilter): Promise<Omit<ChangeRow, "payload">[]> {
  return db.query<Omit<ChangeRow, "payload">>(
    `SELECT seq, at, entity, entity_id, kind FROM changes
     WHERE seq > :after
       AND (CAST(:kecamatan AS text[]) IS NULL OR kecamatan_kode = ANY (CAST(:kecamatan AS text[])))
       AND (CAST(:authorId AS uuid) IS NULL OR author_id = CAST(:authorId AS uuid))
       AND (NOT :publishedOnly OR published)
     ORDER BY seq LIMIT :limit`,
    {
      replacements: {
        after,
        limit,
        kecamatan: f.kecamatan ? `{${f.kecamatan.join(",")}}` : null,
        authorId: f.authorId ?? null,
        publishedOnly: f.publishedOnly ?? false,
      },
      type: QueryTypes.SELECT,
    },
  );
}

export async function lastSeq(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM changes`, { type: QueryTypes.SELECT });
  return Number(row?.seq ?? 0);
}
