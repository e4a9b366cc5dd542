import type { Migration } from "./index.ts";

/**
 * News (berita, server/news/): articles admins write, public from `publish_at`. Written only by
 * server/news/news.repo.ts.
 *
 * - `body` is the Markdown as written; `body_html` its rendering by the one safe renderer
 *   (server/news/markdown.ts), made when the body is saved, so a read never renders.
 * - `status` is what the admin chose; public means `status <> 'draft' AND publish_at <= now()`, so a
 *   scheduled item goes public when its time comes without a job.
 * - The cover is a WebP derivative (metadata stripped) under DATA_DIR/news/covers/<cover_id>.webp; a new
 *   id per upload, so a cached old cover is never mistaken for the new one.
 * - `version` for optimistic concurrency between two admins editing the same item.
 */
export const newsTable: Migration = {
  name: "0021-news",
  async up({ sequelize }) {
    await sequelize.query(`
      CREATE TABLE news (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text,
        body text NOT NULL DEFAULT '',
        body_html text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published')),
        publish_at timestamptz,
        cover_id uuid,
        cover_width integer,
        cover_height integer,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'draft' OR publish_at IS NOT NULL),
        CHECK ((cover_id IS NULL) = (cover_width IS NULL) AND (cover_id IS NULL) = (cover_height IS NULL))
      );
      CREATE INDEX news_public_idx ON news (publish_at DESC, id DESC) WHERE status <> 'draft';
      CREATE INDEX news_admin_idx ON news (updated_at DESC, id DESC);
    `);
  },
  async down({ sequelize }) {
    await sequelize.query(`DROP TABLE IF EXISTS news`);
  },
};
