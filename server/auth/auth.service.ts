import type { Sequelize } from "sequelize";
import type { LoginInput } from "@contract/auth.ts";
import type { RequestContext } from "../core/request-context.ts";
import { AppError, forbidden, invalid, unauthenticated } from "../core/errors.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { deleteGuestUser, getUserById, getUserByUsername, recordLoginResult, updateUser, type UserRow } from "./accounts.repo.ts";
import { hashPassword, needsRehash, verifyPassword } from "./password.ts";
import { clearThrottle, getThrottle, recordThrottleFailure } from "./throttle.repo.ts";

const BLOCK_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 60 * 60;

export interface AuthServiceOptions {
  maxFailures: number;
  maxFailuresPerIpDay: number;
  /** Guest registrations one address may make per hour. */
  registrationsPerIpHour: number;
}

const HOUR_SECONDS = 60 * 60;

function throttled(until: Date, what = "failed logins"): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const err = new AppError(429, "too_many_requests", `Too many ${what}. Try again in ${Math.ceil(seconds / 60)} minutes.`);
  (err as AppError & { retryAfter?: number }).retryAfter = seconds;
  return err;
}

export function createAuthService(db: Sequelize, audit: AuditService, opts: AuthServiceOptions) {
  // The username alone, not username+address: an address is cheap to change (a proxy, a botnet, or a
  // spoofed X-Forwarded-For), so a guess budget per pair is no budget. Lower-cased as users are looked up.
  const usernameKey = (username: string) => `user:${username.toLowerCase()}`;
  const addressKey = (ip: string) => `ip:${ip}`;
  const registrationKey = (ctx: RequestContext | null) => `register:${ctx?.ip ?? "unknown"}`;

  async function assertNotThrottled(keys: string[]) {
    for (const key of keys) {
      const state = await getThrottle(db, key);
      if (state?.blocked_until && state.blocked_until.getTime() > Date.now()) throw throttled(state.blocked_until);
    }
  }

  return {
    /**
     * Check credentials with throttling: `maxFailures` consecutive failures for a username, from whatever
     * addresses, block it for 15 minutes (the right password included); an address's failures per day are
     * capped. A success clears the username's count. Unknown usernames cost a hash too. The address is
     * `ctx.ip`: the peer's own unless TRUST_PROXY names it as a proxy.
     */
    async login(ctx: RequestContext, input: LoginInput): Promise<UserRow> {
      const ip = ctx.ip ?? "unknown";
      const keys = { username: usernameKey(input.username), address: addressKey(ip) };
      try {
        await assertNotThrottled([keys.username, keys.address]);
      } catch (err) {
        await audit.record(ctx, "login.throttled", { actorUsername: input.username, details: { username: input.username } });
        throw err;
      }
      const user = await getUserByUsername(db, input.username);
      const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
      if (!user || !passwordOk || !user.active) {
        const reason = !user ? "unknown_user" : !passwordOk ? "wrong_password" : "disabled";
        if (user) await recordLoginResult(db, user.id, false);
        await audit.record(ctx, "login.failure", {
          actorId: user?.id ?? null,
          actorUsername: input.username,
          targetType: "user",
          targetId: user?.id ?? null,
          details: { reason },
        });
        const forUsername = await recordThrottleFailure(db, keys.username, opts.maxFailures, DAY_SECONDS, BLOCK_SECONDS);
        const forAddress = await recordThrottleFailure(db, keys.address, opts.maxFailuresPerIpDay, DAY_SECONDS, DAY_SECONDS);
        const blocked = [forUsername.blocked_until, forAddress.blocked_until].find((d) => d && d.getTime() > Date.now());
        if (blocked) throw throttled(blocked);
        throw unauthenticated("Wrong username or password");
      }
      await clearThrottle(db, keys.username);
      await recordLoginResult(db, user.id, true);
      if (needsRehash(user.password_hash))
        await updateUser(db, user.id, { passwordHash: await hashPassword(input.password) });
      await audit.record(ctx, "login.success", { actorId: user.id, actorUsername: user.username, targetType: "user", targetId: user.id });
      return user;
    },

    /**
     * Guests register themselves with no e-mail round trip (accounts are active at once), so an address
     * may register only so many per hour: a script cannot fill the users table. Refused with 429 and when
     * to try again; `registered` counts one after a success.
     */
    registration: {
      async assertAllowed(ctx: RequestContext | null): Promise<void> {
        const state = await getThrottle(db, registrationKey(ctx));
        if (state?.blocked_until && state.blocked_until.getTime() > Date.now()) throw throttled(state.blocked_until, "registrations from this address");
      },
      async registered(ctx: RequestContext | null): Promise<void> {
        await recordThrottleFailure(db, registrationKey(ctx), opts.registrationsPerIpHour, HOUR_SECONDS, HOUR_SECONDS);
      },
    },

    /** A guest closes their own account, password confirmed; staff accounts are closed by an admin. */
    async deleteOwnGuestAccount(ctx: RequestContext, userId: string, password: string): Promise<void> {
      const user = await getUserById(db, userId);
      if (!user) throw unauthenticated("Not signed in");
      if (user.role !== "guest") throw forbidden("Accounts issued by the agency are closed by an administrator");
      if (!(await verifyPassword(user.password_hash, password))) throw invalid("Password is wrong", { password: "wrong password" });
      await deleteGuestUser(db, userId);
      await audit.record(ctx, "user.deleted_self", { actorUsername: user.username, targetType: "user", targetId: userId });
    },

    /** Change one's own password: the current one must be right; other sessions of the user end. */
    async changeOwnPassword(ctx: RequestContext, userId: string, current: string, next: string): Promise<UserRow> {
      const user = await getUserById(db, userId);
      if (!user || !(await verifyPassword(user.password_hash, current)))
        throw invalid("Current password is wrong", { currentPassword: "wrong password" });
      if (current === next) throw invalid("Choose a new password", { newPassword: "must differ from the current one" });
      const updated = await updateUser(db, userId, { passwordHash: await hashPassword(next), mustChangePassword: false });
      await audit.record(ctx, "user.password_changed", { targetType: "user", targetId: userId });
      return updated!;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
