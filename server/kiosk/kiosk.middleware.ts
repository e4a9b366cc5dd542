import type { RequestHandler } from "express";
import { forbidden, unauthenticated } from "../core/errors.ts";
import type { Kiosk } from "./kiosk.service.ts";

/**
 * A wall screen's REST door: `Authorization: Bearer <kiosk token>`. No cookie, no session and so no CSRF
 * question — and nothing to write with: any other method than GET is refused before the token is even
 * looked up. A token unknown or revoked is a 401 on every route, public ones included (a screen whose
 * token was revoked must stop, not carry on as anonymous). A valid one sets `req.kiosk`, which
 * `authorize` then holds to the kiosk's grants (permissions.ts `kioskMay`) whatever else the request carries.
 */
export function kioskBearer(authenticate: (token: string) => Promise<Kiosk | null>): RequestHandler {
  return async (req, _res, next) => {
    // Another scheme (Basic from a proxy in front) is not ours to judge.
    const bearer = /^Bearer +(.*)$/i.exec(req.get("authorization") ?? "");
    if (!bearer) return next();
    if (req.method !== "GET" && req.method !== "HEAD") return next(forbidden("A kiosk token is read-only"));
    const token = /^[A-Za-z0-9_-]+$/.test(bearer[1]!) ? bearer[1]! : null;
    try {
      const kiosk = token ? await authenticate(token) : null;
      if (!kiosk) return next(unauthenticated("Kiosk token unknown or revoked"));
      req.kiosk = kiosk;
      next();
    } catch (err) {
      next(err);
    }
  };
}
