import type { Migration } from "./index.ts";

/**
 * Publishing (server/publishing/): what the public saw, kept for audit. Written only by server/publishing/.
 *
 * - `published_reports`: one row per publication of a report, its public shape as it was shown — title,
 *   summary, bidang, kerawanan, the day (WITA), the generalized point and the names shown with it, the
 *   photo derivatives chosen, who published it and when, and who withdrew it, when and why. Rows are never
 *   deleted or rewritten: unpublishing stamps the row; publishing again adds a new one. At most one row per
 *   report is current (not withdrawn).
 * - `public_photos`: derivatives made for publication (re-encoded, metadata stripped, at most 1280 px), by
 *   an id of their own, so a public URL tells nothing of the original's hash.
 */
export const publishedReports: Migration = {
  name: "0018-published-reports",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE public_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports (id),
        source_sha256 text NOT NULL,
        mime text NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        size_bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX public_photos_report_idx ON public_photos (report_id);

      CREATE TABLE published_reports (
        id bigserial PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports (id),
        report_version integer NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        bidang text NOT NULL,
        kerawanan text NOT NULL CHECK (kerawanan IN ('rendah', 'sedang', 'tinggi', 'sangat_tinggi')),
        day date NOT NULL,
        generalization text NOT NULL CHECK (generalization IN ('desa', 'kecamatan')),
        location geometry(Point, 4326) NOT NULL,
        kecamatan_kode text NOT NULL REFERENCES regions (kode),
        kecamatan_nama text NOT NULL,
        desa_kode text REFERENCES regions (kode),
        desa_nama text,
        photo_ids uuid[] NOT NULL DEFAULT '{}',
        published_by uuid NOT NULL REFERENCES users (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        unpublished_by uuid REFERENCES users (id),
        unpublished_at timestamptz,
        unpublish_note text,
        -- A desa is named exactly when the point is the desa's centre.
        CHECK ((generalization = 'desa') = (desa_kode IS NOT NULL)),
        CHECK ((unpublished_at IS NULL) = (unpublished_by IS NULL))
      );
      CREATE UNIQUE INDEX published_reports_one_current ON published_reports (report_id) WHERE unpublished_at IS NULL;
      CREATE INDEX published_reports_list_idx ON published_reports (day DESC, id DESC) WHERE unpublished_at IS NULL;
      CREATE INDEX published_reports_kecamatan_idx ON published_reports (kecamatan_kode, day DESC, id DESC) WHERE unpublished_at IS NULL;
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`
      DROP TABLE IF EXISTS published_reports;
      DROP TABLE IF EXISTS public_photos;
    `);
  },
};
