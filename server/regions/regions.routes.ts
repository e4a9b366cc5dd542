import { Router } from "express";
import { LocateQuery, RegionsQuery } from "@contract/regions.ts";
import { parseInput } from "../core/validate.ts";
import { outsideRegion } from "../core/errors.ts";
import { publicAccess } from "../auth/auth.middleware.ts";
import type { RegionsService } from "./regions.service.ts";

/** Public, read-only: boundaries are published data and the officer app needs them before login. */
export function regionsRouter(regions: RegionsService): Router {
  const router = Router();

  router.get("/api/regions", publicAccess(), async (req, res) => {
    const { level } = parseInput(RegionsQuery, req.query);
    res.set("Cache-Control", "public, max-age=3600");
    res.json(await regions.featureCollection(level));
  });

  router.get("/api/regions/locate", publicAccess(), async (req, res) => {
    const { lat, lng } = parseInput(LocateQuery, req.query);
    const located = await regions.locate(lat, lng);
    if (!located) throw outsideRegion("This point is outside Kabupaten Balangan");
    res.json({ kecamatan: located.kecamatan, desa: located.desa });
  });

  return router;
}
