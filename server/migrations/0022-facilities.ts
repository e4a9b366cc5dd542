import type { Migration } from "./index.ts";

/**
 * Facilities (server/facilities/, the only writer): typed points admins keep and the maps show. The
 * kecamatan and desa are assigned from the point by the server (the same placing rule as reports) and
 * stored, so the public layer filters and names them without a spatial join per request. A photo is one
 * WebP file per facility under DATA_DIR/facility-photos/; its size and time are kept here (none: no photo).
 * `version` counts changes, for optimistic concurrency on edits.
 */
export const facilitiesTable: Migration = {
  name: "0022-facilities",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE facilities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('kantor_pemerintahan', 'pos_keamanan', 'rumah_ibadah', 'sekolah', 'fasilitas_kesehatan', 'lainnya')),
        name text NOT NULL,
        address text,
        contact text,
        location geometry(Point, 4326) NOT NULL,
        kecamatan_kode text NOT NULL REFERENCES regions (kode),
        desa_kode text REFERENCES regions (kode),
        outside_meters integer NOT NULL DEFAULT 0,
        photo_width integer,
        photo_height integer,
        photo_updated_at timestamptz,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX facilities_location_gist ON facilities USING gist (location);
      CREATE INDEX facilities_kecamatan_idx ON facilities (kecamatan_kode, type);
      CREATE INDEX facilities_name_idx ON facilities (lower(name));
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS facilities;`);
  },
};
