import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { AgencyKind, AgencyListQuery, CreateAgencyInput, UpdateAgencyInput } from "@contract/follow-ups.ts";

/** The partner agencies (`agencies`): written here only. */

export interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
  contact_person: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, kind, contact_person, phone, email, notes, active, created_at, updated_at`;

/** `LIKE` pattern of a search text that matches it literally anywhere. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAgencies(db: Sequelize, q: AgencyListQuery): Promise<{ rows: AgencyRow[]; total: number }> {
  const rows = await db.query<AgencyRow & { total: number }>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM agencies
     WHERE (CAST(:active AS boolean) IS NULL OR active = :active)
       AND (CAST(:kind AS text) IS NULL OR kind = :kind)
       AND (CAST(:q AS text) IS NULL OR name ILIKE :q OR contact_person ILIKE :q)
     ORDER BY active DESC, kind, lower(name)
     LIMIT :limit OFFSET :offset`,
    {
      replacements: { active: q.active ?? null, kind: q.kind ?? null, q: q.q ? containing(q.q) : null, limit: q.limit, offset: q.offset },
      type: QueryTypes.SELECT,
    },
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function getAgenciesByIds(db: Sequelize, ids: string[], transaction?: Transaction): Promise<AgencyRow[]> {
  if (!ids.length) return [];
  return db.query<AgencyRow>(`SELECT ${COLUMNS} FROM agencies WHERE id = ANY (CAST(:ids AS uuid[]))`, {
    replacements: { ids: `{${ids.join(",")}}` },
    type: QueryTypes.SELECT,
    transaction,
  });
}

/** A new agency, or undefined when one of that name (in any letter case) exists. */
export async function insertAgency(db: Sequelize, a: CreateAgencyInput, now: Date, transaction: Transaction): Promise<AgencyRow | undefined> {
  const [row] = await db.query<AgencyRow>(
    `INSERT INTO agencies (name, kind, contact_person, phone, email, notes, active, created_at, updated_at)
     VALUES (:name, :kind, :contactPerson, :phone, :email, :notes, :active, :now, :now)
     ON CONFLICT DO NOTHING
     RETURNING ${COLUMNS}`,
    { replacements: { ...a, now: now.toISOString() }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** Column of each field an update may set (fixed names: the SQL below is built from these only). */
const UPDATABLE = {
  name: "name",
  kind: "kind",
  contactPerson: "contact_person",
  phone: "phone",
  email: "email",
  notes: "notes",
  active: "active",
} as const satisfies Record<keyof UpdateAgencyInput, string>;

/**
 * Set the fields present in `patch` (null clears an optional one). Undefined when there is no such
 * agency; a name taken by another agency fails on the unique index (the caller answers 409).
 */
export async function updateAgency(db: Sequelize, id: string, patch: UpdateAgencyInput, now: Date, transaction: Transaction): Promise<AgencyRow | undefined> {
  const fields = (Object.keys(UPDATABLE) as (keyof UpdateAgencyInput)[]).filter((k) => patch[k] !== undefined);
  const sets = fields.map((k) => `${UPDATABLE[k]} = :${k}`).concat("updated_at = :now");
  const [row] = await db.query<AgencyRow>(`UPDATE agencies SET ${sets.join(", ")} WHERE id = :id RETURNING ${COLUMNS}`, {
    replacements: { ...patch, id, now: now.toISOString() },
    type: QueryTypes.SELECT,
    transaction,
  });
  return row;
}
