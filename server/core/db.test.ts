import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryTypes, Transaction } from "sequelize";
import type { Database } from "./db.ts";
import { openTestDatabase } from "../test/test-app.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase(4);
  await db.sequelize.query("CREATE TABLE IF NOT EXISTS tx_probe (id serial PRIMARY KEY, who text NOT NULL)");
  await db.sequelize.query("TRUNCATE tx_probe");
});
afterAll(async () => {
  await db.sequelize.query("DROP TABLE IF EXISTS tx_probe");
  await db.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("transactions on different pool connections", () => {
  it("never interleave: a rollback removes only its own rows", async () => {
    const insert = (who: string, t: Transaction) =>
      db.sequelize.query("INSERT INTO tx_probe (who) VALUES (:who)", { replacements: { who }, transaction: t });

    // Both transactions are open at once on separate connections; each writes several rows with pauses
    // so that, if statements could interleave on one backend, they would.
    const doomed = db.sequelize.transaction(async (t) => {
      for (let i = 0; i < 5; i++) {
        await insert("rolled-back", t);
        await sleep(5);
      }
      throw new Error("roll back on purpose");
    });
    const kept = db.sequelize.transaction(async (t) => {
      for (let i = 0; i < 5; i++) {
        await insert("committed", t);
        await sleep(5);
      }
    });
    await expect(doomed).rejects.toThrow("roll back on purpose");
    await kept;

    const rows = await db.sequelize.query<{ who: string; n: number }>(
      "SELECT who, count(*)::int AS n FROM tx_probe GROUP BY who",
      { type: QueryTypes.SELECT },
    );
    expect(rows).toEqual([{ who: "committed", n: 5 }]);
  });
});
