import { QueryTypes } from "sequelize";
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

describe("zero_pad, the numbering of reports and incidents", () => {
  it("pads short sequence values and keeps long ones whole (lpad would cut the millionth report to 100000)", async () => {
    const [row] = await db.sequelize.query<{ short: string; exact: string; long: string }>(
      `SELECT zero_pad(42, 6) AS short, zero_pad(999999, 6) AS exact, zero_pad(1000000, 6) AS long`,
      { type: QueryTypes.SELECT },
    );
    expect(row).toEqual({ short: "000042", exact: "999999", long: "1000000" });
  });
});
