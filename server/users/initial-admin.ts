import type { Logger } from "pino";
import type { Sequelize } from "sequelize";
import type { Config } from "../config.ts";
import type { UsersService } from "./users.service.ts";
import { countAdmins } from "../auth/accounts.repo.ts";

/**
 * First start: with no active admin, create one. Its password comes from INITIAL_ADMIN_PASSWORD, or is a
 * one-time password printed once to the log that must be changed at first login. Never a built-in default.
 */
export async function ensureInitialAdmin(db: Sequelize, users: UsersService, config: Config, log: Logger): Promise<void> {
  if ((await countAdmins(db)) > 0) return;
  const result = await users.create(null, {
    username: config.INITIAL_ADMIN_USERNAME.toLowerCase(),
    displayName: "Administrator",
    role: "admin",
    kecamatanKode: null,
    position: null,
    nip: null,
    phone: null,
    verifierRegions: [],
    password: config.INITIAL_ADMIN_PASSWORD,
  });
  await users.audit.record(null, "user.initial_admin", { targetType: "user", targetId: result.user.id });
  if (result.oneTimePassword) {
    log.warn(
      { username: result.user.username, oneTimePassword: result.oneTimePassword },
      "initial admin created with a one-time password: log in and change it now (shown only once)",
    );
  } else {
    log.info({ username: result.user.username }, "initial admin created from INITIAL_ADMIN_PASSWORD");
  }
}
