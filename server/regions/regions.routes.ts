import type { Router } from "express";
import { outsideRegion } from "../core/errors.ts";
import { routerFor } from "../core/routes.ts";
import { accessGuard } from "../auth/auth.middleware.ts";
import type { RegionsService } from "./regions.service.ts";

/** Public, read-only: boundaries are published data and the officer app needs them before login. */
export function regionsRouter(regions: RegionsService): Router {
  return routerFor(
    {
      "GET /api/regions": async ({ query }, { res }) => {
        res.set("Cache-Control", "public, max-age=3600");
        return { data: await regions.featureCollection(query.level) };
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
