import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./db.ts";
import { createLogger } from "./logger.ts";
import { createMigrator } from "./migrate.ts";
import { migrations } from "../migrations/index.ts";
import { openTestDatabase } from "../test/test-app.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(2);
});
afterAll(async () => {
  await db.close();
});

describe("migrations", () => {
  it("are all applied, in order", async () => {
    const migrator = createMigrator(db.sequelize, createLogger("silent"));
    expect((await migrator.executed()).map((m) => m.name)).toEqual(migrations.map((m) => m.name));
  });
});
