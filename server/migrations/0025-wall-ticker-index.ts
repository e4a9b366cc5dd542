import type { Migration } from "./index.ts";

/**
 * The wall's ticker lists the latest *verified* reports by when they were verified (a report received
 * yesterday and verified now belongs at its head), not by arrival: this index answers "the newest 20 by
 * verification" at a million reports without a sort. Reports verified before migration 0017 kept no
 * verification time; their arrival stands in (the COALESCE), which the query repeats exactly.
 */
export const wallTickerIndex: Migration = {
  name: "0025-wall-ticker-index",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE INDEX reports_verified_order_idx ON reports ((COALESCE(first_verified_at, received_at)) DESC, id DESC)
        WHERE status IN ('verified', 'published');
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP INDEX IF EXISTS reports_verified_order_idx;`);
  },
};
