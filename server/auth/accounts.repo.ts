import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { Role } from "@contract/auth.ts";

/**
 * The account store: the `users` table and the sessions of a user, written here only. Authentication
 * reads it on every request and socket handshake; user administration (users/) manages accounts through it.
 */

/** A users row as stored. */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  kecamatan_kode: string | null;
  position: string | null;
  nip: string | null;
  phone: string | null;
  verifier_regions: string[];
  password_hash: string;
  must_change_password: boolean;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  password_changed_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

export async function getUserById(db: Sequelize, id: string, transaction?: Transaction): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE id = :id", {
    replacements: { id },
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows[0];
}

export async function getUserByUsername(db: Sequelize, username: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>("SELECT * FROM users WHERE username = :username", {
    replacements: { username: username.toLowerCase() },
    type: QueryTypes.SELECT,
  });
  return rows[0];
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: Role;
  kecamatanKode: string | null;
  position: string | null;
  nip: string | null;
  phone: string | null;
  verifierRegions: string[];
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function insertUser(db: Sequelize, u: NewUserRow, transaction?: Transaction): Promise<UserRow> {
  const rows = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, kecamatan_kode, position, nip, phone, verifier_regions,
                        password_hash, must_change_password, password_changed_at)
     VALUES (:username, :displayName, :role, :kecamatanKode, :position, :nip, :phone,
             CAST(:verifierRegions AS text[]), :passwordHash, :mustChangePassword, now())
     RETURNING *`,
    {
      replacements: { ...u, verifierRegions: toPgArray(u.verifierRegions) },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return rows[0]!;
}

const COLUMN: Record<string, string> = {
  displayName: "display_name",
  role: "role",
  kecamatanKode: "kecamatan_kode",
  position: "position",
  nip: "nip",
  phone: "phone",
  verifierRegions: "verifier_regions",
  active: "active",
  passwordHash: "password_hash",
  mustChangePassword: "must_change_password",
};

/** Update the given fields (camelCase keys from COLUMN); returns the new row. */
export async function updateUser(
  db: Sequelize,
  id: string,
  changes: Record<string, unknown>,
  transaction?: Transaction,
): Promise<UserRow | undefined> {
  const sets: string[] = ["updated_at = now()"];
  const replacements: Record<string, unknown> = { id };
  for (const [key, value] of Object.entries(changes)) {
    const column = COLUMN[key];
    if (!column || value === undefined) continue;
    if (key === "verifierRegions") {
      sets.push(`${column} = CAST(:${key} AS text[])`);
      replacements[key] = toPgArray(value as string[]);
    } else {
      sets.push(`${column} = :${key}`);
      replacements[key] = value;
    }
    if (key === "passwordHash") sets.push("password_changed_at = now()");
  }
  const rows = await db.query<UserRow>(`UPDATE users SET ${sets.join(", ")} WHERE id = :id RETURNING *`, {
    replacements,
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows[0];
}

export interface UserFilter {
  q?: string;
  role?: Role;
  kecamatan?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function listUsers(db: Sequelize, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const where = `WHERE (CAST(:q AS text) IS NULL OR username ILIKE :like OR display_name ILIKE :like OR nip ILIKE :like)
      AND (CAST(:role AS text) IS NULL OR role = :role)
      AND (CAST(:kecamatan AS text) IS NULL OR kecamatan_kode = :kecamatan OR :kecamatan = ANY (verifier_regions))
      AND (CAST(:active AS boolean) IS NULL OR active = :active)`;
  const replacements = {
    q: f.q ?? null,
    like: `%${(f.q ?? "").replace(/[%_\\]/g, "\\$&")}%`,
    role: f.role ?? null,
    kecamatan: f.kecamatan ?? null,
    active: f.active ?? null,
    limit: f.limit,
    offset: f.offset,
  };
  const rows = await db.query<UserRow>(
    `SELECT * FROM users ${where} ORDER BY role, kecamatan_kode NULLS FIRST, username LIMIT :limit OFFSET :offset`,
    { replacements, type: QueryTypes.SELECT },
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users ${where}`, {
    replacements,
    type: QueryTypes.SELECT,
  });
  return { rows, total: count?.n ?? 0 };
}

export async function countAdmins(db: Sequelize): Promise<number> {
  const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active", {
    type: QueryTypes.SELECT,
  });
  return row?.n ?? 0;
}

export async function recordLoginResult(db: Sequelize, id: string, ok: boolean): Promise<void> {
  await db.query(
    ok
      ? "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = :id"
      : "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id",
    { replacements: { id } },
  );
}

/** Remove every server-side session of a user (logout everywhere, disable, password reset). */
export async function deleteSessionsOfUser(db: Sequelize, id: string): Promise<void> {
  await db.query("DELETE FROM sessions WHERE sess ->> 'userId' = :id", { replacements: { id } });
}

/** `{a,b}` literal for a text[] parameter; codes are validated, but quote anyway. */
function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** Remove a guest's account (their notifications and subscriptions go with it, by cascade); staff rows stay. */
export async function deleteGuestUser(db: Sequelize, id: string): Promise<boolean> {
  const [, count] = await db.query(`DELETE FROM users WHERE id = :id AND role = 'guest'`, { replacements: { id } });
  return Number((count as { rowCount?: number })?.rowCount ?? count) > 0;
}
