import { Router, type Request } from "express";
import type { AuditService } from "../audit/audit.service.ts";
import { ChangePasswordInput, LoginInput, RegisterGuestInput } from "@contract/auth.ts";
import { z } from "zod";
import { requiredSafeText, safeText } from "@contract/text.ts";
import { AppError } from "../core/errors.ts";
import { parseInput } from "../core/validate.ts";
import { presentSessionUser } from "../users/users.present.ts";
import type { UsersService } from "../users/users.service.ts";
import { actorOf, authorize, publicAccess } from "./auth.middleware.ts";
import type { AuthService } from "./auth.service.ts";
import { SESSION_COOKIE } from "./session.ts";
import type { LiveSessions } from "./live-sessions.ts";

const OwnProfileInput = z
  .object({
    displayName: requiredSafeText({ max: 100, singleLine: true }).optional(),
    phone: safeText({ max: 30, singleLine: true }).nullish(),
  })
  .strict();

const regenerate = (req: Request) => new Promise<void>((ok, fail) => req.session.regenerate((e) => (e ? fail(e) : ok())));
const save = (req: Request) => new Promise<void>((ok, fail) => req.session.save((e) => (e ? fail(e) : ok())));
const destroy = (req: Request) => new Promise<void>((ok) => req.session.destroy(() => ok()));

export function authRouter(deps: { auth: AuthService; users: UsersService; audit: AuditService; live: LiveSessions }): Router {
  const { auth, users, live } = deps;
  const router = Router();

  router.post("/api/auth/login", publicAccess(), async (req, res) => {
    const input = parseInput(LoginInput, req.body);
    try {
      const user = await auth.login(req, input);
      // A fresh session id at login defeats session fixation.
      await regenerate(req);
      req.session.userId = user.id;
      req.session.loginAt = Date.now();
      await save(req);
      res.json({ user: presentSessionUser(user) });
    } catch (err) {
      const retryAfter = (err as AppError & { retryAfter?: number }).retryAfter;
      if (retryAfter) res.set("Retry-After", String(retryAfter));
      throw err;
    }
  });

  router.post("/api/auth/logout", publicAccess(), async (req, res) => {
    const sid = req.sessionID;
    const user = req.user;
    if (user) await deps.audit.record(req, "logout", { targetType: "user", targetId: user.id });
    if (req.session) await destroy(req);
    live.endSession(sid);
    res.clearCookie(SESSION_COOKIE, { path: "/" });
    res.status(204).end();
  });

  router.get("/api/auth/me", authorize("account.self"), (req, res) => {
    res.json({ user: req.user });
  });

  router.patch("/api/auth/me", authorize("account.self"), async (req, res) => {
    const input = parseInput(OwnProfileInput, req.body);
    const updated = await users.updateOwnProfile(req, actorOf(req).id, input);
    res.json({ user: presentSessionUser(updated) });
  });

  router.post("/api/auth/password", authorize("account.self"), async (req, res) => {
    const input = parseInput(ChangePasswordInput, req.body);
    const userId = actorOf(req).id;
    const updated = await auth.changeOwnPassword(req, userId, input.currentPassword, input.newPassword);
    // Other devices must log in again with the new password; this one keeps a fresh session.
    await users.endAllSessions(userId);
    await regenerate(req);
    req.session.userId = userId;
    req.session.loginAt = Date.now();
    await save(req);
    res.json({ user: presentSessionUser(updated) });
  });

  router.post("/api/auth/register", publicAccess(), async (req, res) => {
    const input = parseInput(RegisterGuestInput, req.body);
    const user = await users.registerGuest(req, input);
    await regenerate(req);
    req.session.userId = user.id;
    req.session.loginAt = Date.now();
    await save(req);
    res.status(201).json({ user: presentSessionUser(user) });
  });

  return router;
}
