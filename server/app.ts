import { createServer, type Server as HttpServer } from "node:http";
import express, { type Express } from "express";
import { Server as IoServer } from "socket.io";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { publicConfig } from "./config.ts";
import type { Database } from "./core/db.ts";
import { apiNotFound, errorHandler } from "./core/error-handler.ts";
import { categoryLogger } from "./core/logger.ts";
import { frontEndsRouter } from "./core/static.ts";
import { healthRouter } from "./health/health.routes.ts";
import { createRegionsService } from "./regions/regions.service.ts";
import { regionsRouter } from "./regions/regions.routes.ts";

export interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
}

export interface App {
  app: Express;
  http: HttpServer;
  io: IoServer;
}

/** Build the HTTP app and the socket hub on one server. Never listens, so tests can build it freely. */
export function createApp(deps: AppDeps): App {
  const { config, db, log } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(express.json({ limit: "256kb" }));

  const regions = createRegionsService(db.sequelize);

  app.use(healthRouter(db.sequelize, categoryLogger(log, "db")));
  app.get("/api/config", (_req, res) => {
    res.json(publicConfig(config));
  });
  app.use(regionsRouter(regions));
  app.use("/api", apiNotFound);
  app.use(frontEndsRouter());
  app.use(errorHandler(categoryLogger(log, "http")));

  const http = createServer(app);
  const io = new IoServer(http, { serveClient: false });
  return { app, http, io };
}
