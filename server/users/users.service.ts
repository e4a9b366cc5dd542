import type { RequestContext } from "../core/request-context.ts";
import type { Sequelize } from "sequelize";
import type { CreateUserInput, OneTimePasswordResult, UpdateUserInput } from "@contract/users.ts";
import type { RegisterGuestInput } from "@contract/auth.ts";
import type { z } from "zod";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { AuditService } from "../audit/audit.service.ts";
import { generateOneTimePassword, hashPassword } from "../auth/password.ts";
import type { LiveSessions } from "../auth/live-sessions.ts";
import {
  countAdmins,
  deleteSessionsOfUser,
  getUserById,
  getUserByUsername,
  insertUser,
  listUsers,
  updateUser,
  type UserFilter,
  type UserRow,
} from "../auth/accounts.repo.ts";
import { presentAdminUser } from "./users.present.ts";

export function createUsersService(db: Sequelize, audit: AuditService, live: LiveSessions) {
  async function assertUsernameFree(username: string) {
    if (await getUserByUsername(db, username))
      throw invalid("Username is taken", { username: "this username is already in use" });
  }

  const service = {
    audit,

    list(filter: UserFilter) {
      return listUsers(db, filter).then(({ rows, total }) => ({ users: rows.map(presentAdminUser), total }));
    },

    async get(id: string) {
      const row = await getUserById(db, id);
      if (!row) throw notFound("No such user");
      return presentAdminUser(row);
    },

    /** Admin issues an account. Without a password one is generated, shown once, and must be changed. */
    async create(ctx: RequestContext | null, input: CreateUserInput): Promise<OneTimePasswordResult> {
      await assertUsernameFree(input.username);
      const oneTimePassword = input.password ? undefined : generateOneTimePassword();
      const row = await insertUser(db, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        kecamatanKode: input.kecamatanKode,
        position: input.position,
        nip: input.nip,
        phone: input.phone,
        verifierRegions: input.verifierRegions,
        passwordHash: await hashPassword(input.password ?? oneTimePassword!),
        mustChangePassword: !input.password,
      });
      await audit.record(ctx, "user.created", {
        targetType: "user",
        targetId: row.id,
        details: { username: row.username, role: row.role, kecamatan: row.kecamatan_kode },
      });
      return { user: presentAdminUser(row), ...(oneTimePassword ? { oneTimePassword } : {}) };
    },

    async update(ctx: RequestContext, id: string, input: UpdateUserInput) {
      const before = await getUserById(db, id);
      if (!before) throw notFound("No such user");
      const role = input.role ?? before.role;
      const changes: Record<string, unknown> = { ...input };
      // Moving an officer to another role clears the fields only officers / verifiers carry.
      if (role !== "officer") changes.kecamatanKode = null;
      if (role !== "verifier") changes.verifierRegions = [];
      const kecamatan = "kecamatanKode" in changes ? changes.kecamatanKode : before.kecamatan_kode;
      if (role === "officer" && !kecamatan) throw invalid("An officer needs a kecamatan", { kecamatanKode: "required for officers" });
      if (ctx.user?.id === id && (input.active === false || (input.role && input.role !== "admin")))
        throw conflict("You cannot disable or demote your own account");
      if (before.role === "admin" && (input.active === false || (input.role && input.role !== "admin")) && (await countAdmins(db)) <= 1)
        throw conflict("The last active admin cannot be disabled or demoted");

      const after = (await updateUser(db, id, changes))!;
      const accessChanged =
        before.role !== after.role ||
        before.active !== after.active ||
        before.kecamatan_kode !== after.kecamatan_kode ||
        before.verifier_regions.join() !== after.verifier_regions.join();
      if (before.active && !after.active) {
        await deleteSessionsOfUser(db, id);
        await audit.record(ctx, "user.disabled", { targetType: "user", targetId: id });
      } else if (!before.active && after.active) {
        await audit.record(ctx, "user.enabled", { targetType: "user", targetId: id });
      }
      if (before.role !== after.role)
        await audit.record(ctx, "user.role_changed", { targetType: "user", targetId: id, details: { from: before.role, to: after.role } });
      await audit.record(ctx, "user.updated", { targetType: "user", targetId: id, details: { fields: Object.keys(input) } });
      if (accessChanged) live.endUser(id);
      return presentAdminUser(after);
    },

    /** Admin reset: a one-time password, every session and socket of the user ended. */
    async resetPassword(ctx: RequestContext, id: string): Promise<OneTimePasswordResult> {
      if (!(await getUserById(db, id))) throw notFound("No such user");
      const oneTimePassword = generateOneTimePassword();
      const row = await updateUser(db, id, { passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true });
      await deleteSessionsOfUser(db, id);
      live.endUser(id);
      await audit.record(ctx, "user.password_reset", { targetType: "user", targetId: id });
      return { user: presentAdminUser(row!), oneTimePassword };
    },

    async updateOwnProfile(ctx: RequestContext, id: string, input: { displayName?: string; phone?: string | null }): Promise<UserRow> {
      const row = await updateUser(db, id, { displayName: input.displayName, phone: input.phone === undefined ? undefined : input.phone || null });
      await audit.record(ctx, "user.updated", { targetType: "user", targetId: id, details: { fields: Object.keys(input), self: true } });
      return row!;
    },

    /** Self-registration exists for guests only: every other role is issued by an admin. */
    async registerGuest(ctx: RequestContext | null, input: z.infer<typeof RegisterGuestInput>): Promise<UserRow> {
      // Signed in with from now on: the e-mail or phone number given, or the older plain name.
      const username = (input.contact ?? input.username)!;
      if (input.contact && (await getUserByUsername(db, username)))
        throw invalid("This e-mail address or phone number is registered already", { contact: "registered already: sign in instead" });
      await assertUsernameFree(username);
      const row = await insertUser(db, {
        username,
        displayName: input.displayName,
        role: "guest",
        kecamatanKode: null,
        position: null,
        nip: null,
        phone: input.phone || (input.contact && /^\d+$/.test(input.contact) ? `+${input.contact}` : null),
        verifierRegions: [],
        passwordHash: await hashPassword(input.password),
        mustChangePassword: false,
      });
      await audit.record(ctx, "user.registered", { actorId: row.id, actorUsername: row.username, targetType: "user", targetId: row.id });
      return row;
    },

    async endAllSessions(userId: string) {
      await deleteSessionsOfUser(db, userId);
      live.endUser(userId);
    },
  };
  return service;
}

export type UsersService = ReturnType<typeof createUsersService>;
