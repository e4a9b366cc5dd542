import type { Migration } from "./index.ts";

/**
 * Report and incident numbers pad their sequence value with zeros (LI-2026-000123). `lpad` alone cuts a
 * longer value to the width, so the millionth report would repeat LI-2026-100000 and every later insert
 * would hit the unique number; `zero_pad` pads short values and keeps long ones whole.
 */
export const zeroPad: Migration = {
  name: "0016-zero-pad",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE FUNCTION zero_pad(n bigint, width integer) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lpad(n::text, greatest(width, length(n::text)), '0') $$`);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP FUNCTION IF EXISTS zero_pad(bigint, integer)`);
  },
};
