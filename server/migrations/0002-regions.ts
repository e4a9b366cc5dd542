import type { Migration } from "./index.ts";
import { loadBoundaryFeatures } from "../../seeds/boundaries.ts";

/** Administrative regions of Balangan (kabupaten → kecamatan → desa), loaded from seeds/balangan. */
export const regionsTable: Migration = {
  name: "0002-regions",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE regions (
        kode text PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('kabupaten', 'kecamatan', 'desa')),
        nama text NOT NULL,
        parent_kode text REFERENCES regions (kode),
        geom geometry(MultiPolygon, 4326) NOT NULL,
        label_point geometry(Point, 4326) NOT NULL
      );
      CREATE INDEX regions_geom_gix ON regions USING gist (geom);
      CREATE INDEX regions_level_idx ON regions (level);
    `);
    // Parents first, so the foreign key holds row by row.
    for (const level of ["kabupaten", "kecamatan", "desa"] as const) {
      const features = loadBoundaryFeatures(level);
      await sequelize.query(
        `INSERT INTO regions (kode, level, nama, parent_kode, geom, label_point)
         SELECT f->>'kode', f->>'level', f->>'nama', NULLIF(f->>'parent', ''),
                ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)),
                ST_SetSRID(ST_MakePoint((f->>'lng')::float8, (f->>'lat')::float8), 4326)
         FROM jsonb_array_elements(CAST(:rows AS jsonb)) AS f`,
        {
          replacements: {
            rows: JSON.stringify(
              features.map((f) => ({
                kode: f.properties.kode,
                level: f.properties.level,
                nama: f.properties.nama,
                parent: parentKode(f.properties.kode),
                geometry: JSON.stringify(f.geometry),
                lat: f.properties.lat,
                lng: f.properties.lng,
              })),
            ),
          },
        },
      );
    }
  },
  async down({ sequelize }) {
    await sequelize.query("DROP TABLE IF EXISTS regions");
  },
};

/** `63.11.04.2011` → `63.11.04`, `63.11.04` → `63.11`, `63.11` → "" (no parent). */
function parentKode(kode: string): string {
  const parts = kode.split(".");
  return parts.length > 2 ? parts.slice(0, -1).join(".") : "";
}
