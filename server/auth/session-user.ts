import type { SessionUser } from "@contract/auth.ts";
import type { UserRow } from "./accounts.repo.ts";
import type { Actor } from "./permissions.ts";

/** The signed-in user's own view: never the hash or lockout internals. */
export function presentSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    kecamatanKode: u.kecamatan_kode,
    position: u.position,
    nip: u.nip,
    phone: u.phone,
    verifierRegions: u.verifier_regions,
    mustChangePassword: u.must_change_password,
  };
}

/** Who acts, as permission checks see it. */
export function toActor(u: UserRow | SessionUser): Actor {
  if ("display_name" in u)
    return { id: u.id, role: u.role, kecamatanKode: u.kecamatan_kode, verifierRegions: u.verifier_regions };
  return { id: u.id, role: u.role, kecamatanKode: u.kecamatanKode, verifierRegions: u.verifierRegions };
}
