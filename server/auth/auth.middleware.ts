import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Sequelize } from "sequelize";
import type { SessionUser } from "@contract/auth.ts";
import { forbidden, unauthenticated } from "../core/errors.ts";
import type { RequestContext } from "../core/request-context.ts";
import { getUserById } from "./accounts.repo.ts";
import { presentSessionUser, toActor } from "./session-user.ts";
import { can, kioskMay, type Access, type Action, type Actor } from "./permissions.ts";

declare module "express-serve-static-core" {
  interface Request {
    /** The signed-in user, reloaded from the database on every request. */
    user?: SessionUser;
    actor?: Actor;
    /**
     * A wall screen's kiosk token, when the request carried a valid one (server/kiosk/): it may do only
     * what `kioskMay` grants, whatever else the request carries.
     */
    kiosk?: { id: string; label: string };
  }
}

/** Handlers carrying this property declare their access decision; the matrix test reads it. */
export const ACCESS = Symbol("access");
type Marked = RequestHandler & { [ACCESS]: Access };

/**
 * Attach the session's user. The row is read on every request, so a disabled account or a changed role
 * takes effect at once, and sessions older than the absolute limit end here.
 */
export function loadSessionUser(db: Sequelize, absoluteMs: number): RequestHandler {
  return async (req, _res, next) => {
    const s = req.session;
    if (!s?.userId) return next();
    const expired = !s.loginAt || Date.now() - s.loginAt > absoluteMs;
    const row = expired ? undefined : await getUserById(db, s.userId);
    if (!row || !row.active) {
      await new Promise<void>((resolve) => s.destroy(() => resolve()));
      return next();
    }
    req.user = presentSessionUser(row);
    req.actor = toActor(row);
    next();
  };
}

/** Allow only actors the matrix grants `action` (no resource yet: region scope is applied in queries). */
export function authorize(action: Action): RequestHandler {
  const handler = ((req: Request, _res: Response, next: NextFunction) => {
    if (req.kiosk) return next(kioskMay(action) ? undefined : forbidden());
    if (can(req.actor ?? null, action)) return next();
    next(req.actor ? forbidden() : unauthenticated());
  }) as Marked;
  handler[ACCESS] = action;
  return handler;
}

/** An explicit decision that anyone, anonymous included, may call this route. */
export function publicAccess(): RequestHandler {
  const handler = ((_req: Request, _res: Response, next: NextFunction) => next()) as Marked;
  handler[ACCESS] = "public";
  return handler;
}

/** The actor of an authorized request (authorize() ran before, so it exists). */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** The signed-in user of an authorized request, as they see themself. */
export function sessionUserOf(req: Request): SessionUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}

/** The guard of a contract route's `access`: what core's registerRoutes puts in front of each handler. */
export function accessGuard(access: Access): RequestHandler {
  return access === "public" ? publicAccess() : authorize(access);
}

/** The request as services see it: who and from where, nothing of Express. */
export function requestContext(req: Request): RequestContext {
  return {
    user: req.user ? { id: req.user.id, username: req.user.username } : null,
    ip: req.ip ?? null,
    userAgent: req.get("user-agent") ?? null,
  };
}
