import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { QueryTypes } from "sequelize";
import { createLogger } from "./logger.ts";
import { openDatabase } from "./db.ts";
import { createMigrator, migrateUp } from "./migrate.ts";
import { vacuumAnalyze } from "./embedded-maintenance.ts";
import { migrations } from "../migrations/index.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "sikanda-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const log = createLogger("silent");

describe("embedded database (no DATABASE_URL)", () => {
  it("runs PostGIS, migrates, and finds its data again after a restart", async () => {
    const first = await openDatabase({ dataDir, poolMax: 2, log });
    expect(first.mode).toBe("embedded");
    expect(await migrateUp(first.sequelize, log)).toEqual(migrations.map((m) => m.name));
    const [{ version }] = await first.sequelize.query<{ version: string }>("SELECT postgis_lib_version() AS version", {
      type: QueryTypes.SELECT,
    }) as [{ version: string }];
    expect(version).toMatch(/^3\./);
    await first.sequelize.query("CREATE TABLE keepsake (note text); INSERT INTO keepsake VALUES ('masih ada')");
    await first.close();

    const second = await openDatabase({ dataDir, poolMax: 2, log });
    expect(await migrateUp(second.sequelize, log)).toEqual([]);
    const rows = await second.sequelize.query("SELECT note FROM keepsake", { type: QueryTypes.SELECT });
    expect(rows).toEqual([{ note: "masih ada" }]);
    const [{ n }] = (await second.sequelize.query("SELECT count(*)::int AS n FROM regions", {
      type: QueryTypes.SELECT,
    })) as [{ n: number }];
    expect(n).toBe(1 + 8 + 157);

    // Maintenance (PGlite has no autovacuum): VACUUM ANALYZE runs and gives the planner statistics.
    await second.sequelize.query("INSERT INTO keepsake SELECT 'baris ' || i FROM generate_series(1, 500) i");
    await vacuumAnalyze(second.sequelize, log);
    const [{ tuples }] = (await second.sequelize.query(
      "SELECT reltuples::int AS tuples FROM pg_class WHERE relname = 'keepsake'",
      { type: QueryTypes.SELECT },
    )) as [{ tuples: number }];
    expect(tuples).toBe(501);

    // Every migration reverses cleanly and re-applies (this database is private to the test).
    const migrator = createMigrator(second.sequelize, log);
    await migrator.down({ to: 0 });
    const left = await second.sequelize.query("SELECT to_regclass('regions') AS t", { type: QueryTypes.SELECT });
    expect(left).toEqual([{ t: null }]);
    expect(await migrateUp(second.sequelize, log)).toEqual(migrations.map((m) => m.name));
    await second.close();
  }, 120_000);
});
