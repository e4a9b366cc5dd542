import type { Router } from "express";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";
import { migrationsComplete } from "../core/migrate.ts";
import { routerFor } from "../core/routes.ts";
import { accessGuard } from "../auth/auth.middleware.ts";
import { pingDatabase } from "./health.repo.ts";

/**
 * Liveness (process up) and readiness (database reachable, schema current) for orchestrators: probes read
 * the status code, so these keep their bare `{ status }` rather than the API's `{ data }`.
 */
export function healthRouter(db: Sequelize, log: Logger): Router {
  return routerFor(
    {
      "GET /healthz": () => ({ status: "ok" }),
      "GET /readyz": async (_input, { res }) => {
        try {
          await pingDatabase(db);
          if (!(await migrationsComplete(db, log))) {
            res.status(503);
            return { status: "migrating" };
          }
          return { status: "ready" };
        } catch (err) {
          log.warn({ err }, "readiness check failed");
          res.status(503);
          return { status: "database_unreachable" };
        }
      },
    },
    accessGuard,
  );
}
