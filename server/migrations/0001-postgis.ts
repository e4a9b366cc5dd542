import type { Migration } from "./index.ts";

export const postgisExtension: Migration = {
  name: "0001-postgis",
  async up({ sequelize }) {
    await sequelize.query("CREATE EXTENSION IF NOT EXISTS postgis");
  },
  async down({ sequelize }) {
    await sequelize.query("DROP EXTENSION IF EXISTS postgis");
  },
};
