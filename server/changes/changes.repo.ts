import { QueryTypes, type Sequelize, type Transaction } from "sequelize";

/**
 * The change log (`changes`) is written here and nowhere else: every INSERT into it is text built by this
 * module, under its lock, whichever door it comes through — `appendChanges` inside a caller's transaction,
 * or `appendChangesCtes` inside a caller's single statement (intake's one-round-trip commit).
 */

/** Any constant: the lock that serialises change-log writers (see appendChangesCtes). */
const CHANGES_LOCK_KEY = 7_300_417;

/**
 * SQL expressions, over the caller's own CTEs, for the rows a statement appends to the change log. Every
 * column is named, so a change to the table's columns is a change to this type that tsc carries to callers.
 */
export interface ChangeRowsSql {
  /** The FROM list the rows come from (the caller's CTEs, with aliases). */
  from: string;
  entity: string;
  entityId: string;
  kind: string;
  kecamatanKode: string;
  authorId: string;
  published: string;
  /** The order of the rows in the log (their seqs follow it). */
  orderBy: string;
}

/**
 * Two CTEs for a `WITH` list: `change_log_lock`, then `logged_changes (seq, at, entity, entity_id, kind)`,
 * the rows appended, which the caller's final SELECT may join.
 *
 * Gap-free resume: a bigserial alone is not enough, as transactions could commit out of seq order and a
 * client that read seq 6 before seq 5 committed would never see 5. The transaction-scoped advisory lock
 * makes writers take seqs in commit order: the INSERT reads from the lock CTE, so the lock is held before
 * the first seq is drawn and until the commit. Intake batches many reports per commit, so contention is low.
 */
export function appendChangesCtes(rows: ChangeRowsSql): string {
  return `change_log_lock AS (
       SELECT pg_advisory_xact_lock(${CHANGES_LOCK_KEY}) AS locked
     ), logged_changes AS (
       INSERT INTO changes (entity, entity_id, kind, kecamatan_kode, author_id, published)
       SELECT ${rows.entity}, ${rows.entityId}, ${rows.kind}, ${rows.kecamatanKode}, ${rows.authorId}, ${rows.published}
       FROM ${rows.from} CROSS JOIN change_log_lock
       ORDER BY ${rows.orderBy}
       RETURNING seq, at, entity, entity_id, kind
     )`;
}

export interface NewChange {
  entity: "report";
  entityId: string;
  kind: string;
  kecamatanKode: string | null;
  authorId: string | null;
  published: boolean;
}

/** A change-log entry as stored (what readers resume by). */
export interface ChangeRow {
  seq: number;
  at: Date;
  entity: "report";
  entity_id: string;
  kind: string;
}

const APPEND_CHANGES = `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         entity text, "entityId" uuid, kind text, "kecamatanKode" text, "authorId" uuid, published boolean, n int)
     ), ${appendChangesCtes({
       from: "input x",
       entity: "x.entity",
       entityId: `x."entityId"`,
       kind: "x.kind",
       kecamatanKode: `x."kecamatanKode"`,
       authorId: `x."authorId"`,
       published: "x.published",
       orderBy: "x.n",
     })}
     SELECT * FROM logged_changes ORDER BY seq`;

/** Append to the change log inside the caller's transaction, in the given order (one statement). */
export async function appendChanges(db: Sequelize, changes: NewChange[], transaction: Transaction): Promise<ChangeRow[]> {
  if (!changes.length) return [];
  return db.query<ChangeRow>(APPEND_CHANGES, {
    bind: [JSON.stringify(changes.map((c, n) => ({ ...c, n })))],
    type: QueryTypes.SELECT,
    transaction,
  });
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
