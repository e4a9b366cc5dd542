import type { Router } from "express";
import { accessGuard } from "../auth/auth.middleware.ts";
import { routerFor } from "../core/routes.ts";
import type { PublicReportsService } from "./public-reports.service.ts";
import type { PublicMapService } from "./public-map.service.ts";

/**
 * Lists change whenever something is published or withdrawn (the public socket says when): a browser
 * revalidates each time (ETag, 304 while unchanged) rather than show a withdrawn report from its cache.
 */
const LIST_CACHE = "no-cache";
/**
 * A derivative never changes under its id, but it must stop being served once withdrawn: caches may keep
 * it for minutes, not longer.
 */
const PHOTO_CACHE = "public, max-age=300";

/** Published reports for anyone, no login: mounted before the session, so no session is made for a visitor. */
export function publicReportsRouter(reports: PublicReportsService, map: PublicMapService): Router {
  return routerFor(
    {
      "GET /api/public/reports": async ({ query }, { res }) => {
        const { reports: list, next } = await reports.list(query);
        res.setHeader("Cache-Control", LIST_CACHE);
        return { data: list, page: { total: null, next } };
      },

      "GET /api/public/map": async ({ query }, { res }) => {
        const answer = await map.map(query);
        res.setHeader("Cache-Control", LIST_CACHE);
        return { data: answer };
      },

      "GET /api/public/reports/:id": async ({ params }, { res }) => {
        const report = await reports.get(params.id);
        res.setHeader("Cache-Control", LIST_CACHE);
        return { data: report };
      },

      "GET /api/public/photos/:id": async ({ params }, { res }) => {
        const file = await reports.photoFile(params.id);
        res.setHeader("Cache-Control", PHOTO_CACHE);
        res.type(file.mime).sendFile(file.path);
      },
    },
    accessGuard,
  );
}
