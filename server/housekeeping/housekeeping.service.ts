import type { Sequelize } from "sequelize";
import { pruneThrottle } from "../auth/throttle.repo.ts";
import { pruneNotifications } from "../notifications/retention.repo.ts";

const DAY_MS = 86_400_000;
/** Finished push deliveries are kept this long: enough to answer "did my phone get it?" for a fortnight. */
const KEEP_PUSHES_DAYS = 14;
/** Login and registration windows last a day at most; two leaves any running window alone. */
const KEEP_THROTTLE_DAYS = 2;

export interface HousekeepingOptions {
  /** Days a read notification is kept. */
  keepReadNotificationsDays: number;
  /** Days any notification is kept, read or not. */
  keepNotificationsDays: number;
}

export interface HousekeepingCounts {
  notifications: number;
  pushes: number;
  throttleKeys: number;
}

/**
 * What a system that runs for years must forget: tables that grow with every publication and every
 * visitor but whose old rows nobody reads — notifications, finished push deliveries, login-throttle keys
 * of addresses long gone. Reports, their history, the audit log and alerts are records and never pruned here.
 */
export function createHousekeeping(db: Sequelize, opts: HousekeepingOptions) {
  return {
    async run(now: Date, progress: (done: number, total: number) => Promise<void>): Promise<HousekeepingCounts> {
      const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
      const pruned = await pruneNotifications(db, {
        readBefore: ago(opts.keepReadNotificationsDays),
        anyBefore: ago(opts.keepNotificationsDays),
        pushesBefore: ago(KEEP_PUSHES_DAYS),
      });
      await progress(1, 2);
      const throttleKeys = await pruneThrottle(db, ago(KEEP_THROTTLE_DAYS), now);
      await progress(2, 2);
      return { ...pruned, throttleKeys };
    },
  };
}

export type Housekeeping = ReturnType<typeof createHousekeeping>;

/** Housekeeping with the retention the configuration sets. */
export function housekeepingOf(db: Sequelize, config: { NOTIFICATIONS_KEEP_READ_DAYS: number; NOTIFICATIONS_KEEP_DAYS: number }): Housekeeping {
  return createHousekeeping(db, { keepReadNotificationsDays: config.NOTIFICATIONS_KEEP_READ_DAYS, keepNotificationsDays: config.NOTIFICATIONS_KEEP_DAYS });
}
