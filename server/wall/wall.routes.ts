import type { Router } from "express";
import { accessGuard, actorOf, requestContext } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { WallService } from "./wall.service.ts";

/** The wall's reads (leaders, admins, kiosk tokens) and its settings (admins). */
export function wallRouter(wall: WallService): Router {
  return routerFor(
    {
      "GET /api/wall": async () => ({ data: await wall.snapshot() }),
      "GET /api/wall/changes": async ({ query }) => {
        const { changes, lastSeq, more } = await wall.changes(query.after, query.limit);
        return { data: changes, page: { total: null, next: more ? String(lastSeq) : null, seq: lastSeq } };
      },
      "GET /api/wall/settings": async () => ({ data: await wall.settings() }),
      "PUT /api/wall/settings": async ({ body }, { req }) => ({ data: await wall.putSettings(actorOf(req), body, requestContext(req)) }),
    },
    accessGuard,
  );
}
