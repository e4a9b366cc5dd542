import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/** Any constant: the lock that serialises change-log writers (see appendChanges). */
const CHANGES_LOCK_KEY = 7_300_417;

export interface NewChange {
  entity: "report";
  entityId: string;
  kind: string;
  kecamatanKode: string | null;
  authorId: string | null;
  published: boolean;
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
  return db.query<ChangeRow>(
    `INSERT INTO changes (entity, entity_id, kind, kecamatan_kode, author_id, published, payload)
     SELECT entity, "entityId", kind, "kecamatanKode", "authorId", published, payload
     FROM jsonb_to_recordset(CAST(:changes AS jsonb)) AS x(
       entity text, "entityId" uuid, kind text, "kecamatanKode" text, "authorId" uuid, published boolean, payload jsonb, n int)
     ORDER BY n
     RETURNING seq, at, entity, entity_id, kind, payload`,
    { replacements: { changes: JSON.stringify(changes.map((c, n) => ({ ...c, n }))) }, type: QueryTypes.SELECT, transaction },
  );
}

/** Who may see which change rows: the caller builds this from the actor's permission scope. */
export interface ChangeFilter {
  /** null: every kecamatan. */
  kecamatan: string[] | null;
  authorId?: string;
  publishedOnly?: boolean;
}

export async function listChanges(db: Sequelize, after: number, limit: number, f: ChangeFilter): Promise<ChangeRow[]> {
  return db.query<ChangeRow>(
    `SELECT seq, at, entity, entity_id, kind, payload FROM changes
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
