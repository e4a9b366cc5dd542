import type { AdminUserView } from "@contract/users.ts";
import type { UserRow } from "../auth/accounts.repo.ts";
import { presentSessionUser } from "../auth/session-user.ts";

/** An admin's view of an account: what its owner sees of it, and the account's state. */
export function presentAdminUser(u: UserRow): AdminUserView {
  return {
    ...presentSessionUser(u),
    active: u.active,
    failedLogins: u.failed_logins,
    lockedUntil: u.locked_until?.toISOString() ?? null,
    passwordChangedAt: u.password_changed_at?.toISOString() ?? null,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}
