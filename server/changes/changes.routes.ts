import { Router } from "express";
import { ChangesQuery } from "@contract/reports.ts";
import { actorOf, authorize } from "../auth/auth.middleware.ts";
import { parseInput } from "../core/validate.ts";
import type { ChangesService } from "./changes.service.ts";

/** Catch-up for live clients: what happened after the last `seq` they saw, filtered by permission. */
export function changesRouter(changes: ChangesService): Router {
  const router = Router();
  router.get("/api/changes", authorize("changes.read"), async (req, res) => {
    const { after, limit } = parseInput(ChangesQuery, req.query);
    res.json({ data: await changes.since(actorOf(req), after, limit) });
  });
  return router;
}
