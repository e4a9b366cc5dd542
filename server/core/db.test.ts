import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { QueryTypes, Transaction } from "sequelize";
import { rawQuery, retryOnDeadlock, type Database } from "./db.ts";
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

describe("retryOnDeadlock", () => {
  it("runs a statement again when PostgreSQL aborts it to break a deadlock", async () => {
    const [first, second] = [4_242_001, 4_242_002];
    let attempts = 0;
    // The other side holds `second`, then asks for `first` while the statement holds `first` and waits for
    // `second`: a cycle. The statement waited first, so its deadlock check runs first and it is the victim.
    const other = db.sequelize.transaction(async (transaction) => {
      await db.sequelize.query(`SELECT pg_advisory_xact_lock(${second})`, { transaction });
      await sleep(300);
      await db.sequelize.query(`SELECT pg_advisory_xact_lock(${first})`, { transaction });
    });
    await sleep(100);
    const rows = await retryOnDeadlock(() => {
      attempts++;
      return rawQuery<{ done: number }>(db.sequelize, {
        text: `SELECT pg_advisory_xact_lock(${first}), pg_advisory_xact_lock(${second}), 1 AS done`,
      });
    });
    await other;
    expect(rows.map((r) => r.done)).toEqual([1]);
    // Embedded PGlite is one session: the two simply run one after the other, and nothing deadlocks.
    expect(attempts).toBe(inject("databaseMode") === "embedded" ? 1 : 2);
  });

  it("passes any other error straight through", async () => {
    let attempts = 0;
    await expect(
      retryOnDeadlock(() => {
        attempts++;
        return rawQuery(db.sequelize, { text: "SELECT 1/0" });
      }),
    ).rejects.toMatchObject({ code: "22012" });
    expect(attempts).toBe(1);
  });
});
