import type { Router } from "express";
import { outsideRegion } from "../core/errors.ts";
import { sendEncoded } from "../core/encoded-body.ts";
import { routerFor } from "../core/routes.ts";
import { accessGuard } from "../auth/auth.middleware.ts";
import type { RegionsService } from "./regions.service.ts";

/**
 * Boundaries change only with a deploy or a new seed: fresh for a day, then for a week more a cached copy
 * is used at once while it is revalidated in the background (a 304 by ETag while unchanged). A phone on a
 * rural link seldom waits for them.
 */
const BOUNDARIES_CACHE = "public, max-age=86400, stale-while-revalidate=604800";

/** Public, read-only: boundaries are published data and the officer app needs them before login. */
export function regionsRouter(regions: RegionsService): Router {
  return routerFor(
    {
      "GET /api/regions": async ({ query }, { req, res }) => {
        const answer = await regions.encodedCollection(query.level);
        sendEncoded(req, res, answer.body, { contentType: "application/json; charset=utf-8", cacheControl: BOUNDARIES_CACHE });
        // Sent above in the coding asked for; routes.ts writes nothing once the headers are out.
        return answer.reply;
      },

      "GET /api/regions/locate": async ({ query }) => {
        const located = await regions.locate(query.lat, query.lng);
        if (!located) throw outsideRegion("This point is outside Kabupaten Balangan");
        return { data: { kecamatan: located.kecamatan, desa: located.desa } };
      },
    },
    accessGuard,
  );
}
