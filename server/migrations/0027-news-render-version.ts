import type { Migration } from "./index.ts";

/**
 * `news.render_version`: which version of the Markdown renderer (server/news/markdown.ts
 * NEWS_RENDERER_VERSION) wrote `body_html`. A fix to the renderer (a new rule against some script) then
 * reaches the news already stored: the server re-renders every row of an older version when it starts.
 * Rows before this migration are version 0, so the first start after it renders them all once.
 */
export const newsRenderVersion: Migration = {
  name: "0027-news-render-version",
  async up({ sequelize }) {
    await sequelize.query(`ALTER TABLE news ADD COLUMN render_version integer NOT NULL DEFAULT 0;`);
  },
  async down({ sequelize }) {
    await sequelize.query(`ALTER TABLE news DROP COLUMN IF EXISTS render_version;`);
  },
};
