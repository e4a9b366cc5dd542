import type { AdminUserView } from "@contract/users.ts";
import type { UserRow } from "../auth/accounts.repo.ts";

/** An admin's view of an account. */
export function presentAdminUser(u: UserRow): AdminUserView {
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
    active: u.active,
    failedLogins: u.failed_logins,
    lockedUntil: u.locked_until?.toISOString() ?? null,
    passwordChangedAt: u.password_changed_at?.toISOString() ?? null,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}
