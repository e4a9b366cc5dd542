import { Router } from "express";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";
import { migrationsComplete } from "../core/migrate.ts";
import { publicAccess } from "../auth/auth.middleware.ts";

/** Liveness (process up) and readiness (database reachable, schema current) for orchestrators. */
export function healthRouter(db: Sequelize, log: Logger): Router {
  const router = Router();
  router.get("/healthz", publicAccess(), (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", publicAccess(), async (_req, res) => {
    try {
      await db.query("SELECT 1");
      if (!(await migrationsComplete(db, log))) {
        res.status(503).json({ status: "migrating" });
        return;
      }
      res.json({ status: "ready" });
    } catch (err) {
      log.warn({ err }, "readiness check failed");
      res.status(503).json({ status: "database_unreachable" });
    }
  });
  return router;
}
