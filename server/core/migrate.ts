import { Umzug, SequelizeStorage } from "umzug";
import type { Sequelize } from "sequelize";
import type { Logger } from "pino";
import { migrations, type MigrationContext } from "../migrations/index.ts";

/** Umzug over Sequelize with the ordered, typed migration list (not a glob: the order is explicit). */
export function createMigrator(sequelize: Sequelize, log: Logger) {
  return new Umzug<MigrationContext>({
    migrations: migrations.map((m) => ({
      name: m.name,
      up: ({ context }) => m.up(context),
      down: ({ context }) => m.down(context),
    })),
    context: { sequelize },
    storage: new SequelizeStorage({ sequelize, tableName: "schema_migrations" }),
    logger: {
      info: (msg) => log.info(msg, "migration"),
      warn: (msg) => log.warn(msg, "migration"),
      error: (msg) => log.error(msg, "migration"),
      debug: (msg) => log.debug(msg, "migration"),
    },
  });
}

/** Apply pending migrations; returns the names applied now. */
export async function migrateUp(sequelize: Sequelize, log: Logger): Promise<string[]> {
  const applied = await createMigrator(sequelize, log).up();
  return applied.map((m) => m.name);
}

/** True when every known migration has been applied. */
export async function migrationsComplete(sequelize: Sequelize, log: Logger): Promise<boolean> {
  return (await createMigrator(sequelize, log).pending()).length === 0;
}
