import type { Sequelize } from "sequelize";

/** A round trip to the database: rejects when it cannot be reached. */
export async function pingDatabase(db: Sequelize): Promise<void> {
  await db.query("SELECT 1");
}
