import type { Request, Router } from "express";
import type { AuditService } from "../audit/audit.service.ts";
import type { AppError } from "../core/errors.ts";
import { routerFor } from "../core/routes.ts";
import { presentSessionUser } from "./session-user.ts";
import type { z } from "zod";
import type { RegisterGuestInput } from "@contract/auth.ts";
import type { RequestContext } from "../core/request-context.ts";
import type { UserRow } from "./accounts.repo.ts";
import { accessGuard, actorOf, requestContext, sessionUserOf } from "./auth.middleware.ts";
import type { AuthService } from "./auth.service.ts";
import { SESSION_COOKIE } from "./session.ts";
import type { LiveSessions } from "./live-sessions.ts";

const regenerate = (req: Request) => new Promise<void>((ok, fail) => req.session.regenerate((e) => (e ? fail(e) : ok())));
const save = (req: Request) => new Promise<void>((ok, fail) => req.session.save((e) => (e ? fail(e) : ok())));
const destroy = (req: Request) => new Promise<void>((ok) => req.session.destroy(() => ok()));

/** A fresh session id for `userId`: at login it defeats session fixation, after a password change it is the one kept. */
async function startSession(req: Request, userId: string) {
  await regenerate(req);
  req.session.userId = userId;
  req.session.loginAt = Date.now();
  await save(req);
}

/**
 * What these routes need of account administration (users/ provides it). Declared here so auth/ does not
 * depend on users/, which builds on auth/.
 */
export interface AccountsForAuth {
  updateOwnProfile(ctx: RequestContext, id: string, input: { displayName?: string; phone?: string | null }): Promise<UserRow>;
  endAllSessions(userId: string): Promise<void>;
  registerGuest(ctx: RequestContext | null, input: z.infer<typeof RegisterGuestInput>): Promise<UserRow>;
}

export function authRouter(deps: { auth: AuthService; users: AccountsForAuth; audit: AuditService; live: LiveSessions }): Router {
  const { auth, users, live } = deps;
  return routerFor(
    {
      "POST /api/auth/login": async ({ body }, { req, res }) => {
        try {
          const user = await auth.login(requestContext(req), body);
          await startSession(req, user.id);
          return { data: presentSessionUser(user) };
        } catch (err) {
          const retryAfter = (err as AppError & { retryAfter?: number }).retryAfter;
          if (retryAfter) res.set("Retry-After", String(retryAfter));
          throw err;
        }
      },

      "POST /api/auth/logout": async (_input, { req, res }) => {
        const sid = req.sessionID;
        const user = req.user;
        if (user) await deps.audit.record(requestContext(req), "logout", { targetType: "user", targetId: user.id });
        if (req.session) await destroy(req);
        live.endSession(sid);
        res.clearCookie(SESSION_COOKIE, { path: "/" });
      },

      "GET /api/auth/me": (_input, { req }) => ({ data: sessionUserOf(req) }),

      // The same user as /me (loadSessionUser already ended an expired or disabled session), or null.
      // It differs per cookie, so no cache may keep it.
      "GET /api/auth/session": (_input, { req, res }) => {
        res.set("Cache-Control", "no-store");
        return { data: req.user ?? null };
      },

      "PATCH /api/auth/me": async ({ body }, { req }) => {
        const updated = await users.updateOwnProfile(requestContext(req), actorOf(req).id, body);
        return { data: presentSessionUser(updated) };
      },

      "POST /api/auth/password": async ({ body }, { req }) => {
        const userId = actorOf(req).id;
        const updated = await auth.changeOwnPassword(requestContext(req), userId, body.currentPassword, body.newPassword);
        // Other devices must log in again with the new password; this one keeps a fresh session.
        await users.endAllSessions(userId);
        await startSession(req, userId);
        return { data: presentSessionUser(updated) };
      },

      "POST /api/auth/register": async ({ body }, { req, res }) => {
        const ctx = requestContext(req);
        try {
          await auth.registration.assertAllowed(ctx);
        } catch (err) {
          const retryAfter = (err as AppError & { retryAfter?: number }).retryAfter;
          if (retryAfter) res.set("Retry-After", String(retryAfter));
          throw err;
        }
        const user = await users.registerGuest(ctx, body);
        await auth.registration.registered(ctx);
        await startSession(req, user.id);
        res.status(201);
        return { data: presentSessionUser(user) };
      },

      "DELETE /api/auth/me": async ({ body }, { req, res }) => {
        const userId = actorOf(req).id;
        await auth.deleteOwnGuestAccount(requestContext(req), userId, body.password);
        // The row is gone; its sessions and sockets go with it, this one included.
        await users.endAllSessions(userId);
        if (req.session) await destroy(req);
        res.clearCookie(SESSION_COOKIE, { path: "/" });
      },
    },
    accessGuard,
  );
}
