import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { Config } from "../config.ts";
import type { Clock } from "../core/clock.ts";
import type { IoServer } from "../core/io.ts";
import { createNotificationsService } from "./notifications.service.ts";
import { createPushService } from "./push.service.ts";

export { notificationsRouter } from "./notifications.routes.ts";

/**
 * The notifications capability as app.ts wires it: the in-app centre (whose hooks decisions, publishing and
 * intake call after their commits) and Web Push (main.ts starts its queue's worker with the jobs; tests run
 * `push.worker.runOnce`).
 */
export function createNotifications(deps: { db: Sequelize; io: IoServer; clock: Clock; log: Logger; config: Config }) {
  const log = deps.log.child({ category: "notifications" });
  const { config } = deps;
  return {
    notifications: createNotificationsService({ db: deps.db, io: deps.io, clock: deps.clock, log }),
    push: createPushService({
      db: deps.db,
      clock: deps.clock,
      log,
      subject: config.VAPID_SUBJECT,
      maxAttempts: config.PUSH_MAX_ATTEMPTS,
      // Plain http to localhost only outside production unless configured (docs/notifications.md).
      policy: { allowLocalHttp: config.PUSH_ALLOW_LOCAL_HTTP ?? config.NODE_ENV !== "production" },
    }),
  };
}
