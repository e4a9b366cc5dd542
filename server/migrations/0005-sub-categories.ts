import { DEFAULT_SUB_CATEGORIES } from "@contract/reports.ts";
import type { Migration } from "./index.ts";

/**
 * Sub-categories per bidang, editable by admins. Seeded with the defaults officers already know. Retired
 * entries stay (inactive) so reports that used them, and phones with an older list, remain valid.
 */
export const subCategoriesTable: Migration = {
  name: "0005-sub-categories",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE sub_categories (
        id serial PRIMARY KEY,
        bidang text NOT NULL CHECK (bidang IN ('ideologi', 'politik', 'ekonomi', 'sosial-budaya', 'pertahanan-keamanan')),
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        sort integer NOT NULL DEFAULT 0,
        UNIQUE (bidang, name)
      );
    `);
    const rows = Object.entries(DEFAULT_SUB_CATEGORIES).flatMap(([bidang, names]) => names.map((name, sort) => ({ bidang, name, sort })));
    await sequelize.query(
      `INSERT INTO sub_categories (bidang, name, sort)
       SELECT bidang, name, sort FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(bidang text, name text, sort int)`,
      { replacements: { rows: JSON.stringify(rows) } },
    );
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS sub_categories`);
  },
};
