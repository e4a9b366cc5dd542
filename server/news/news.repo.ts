import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import type { NewsStatus } from "@contract/news.ts";
import { NEWS_RENDERER_VERSION } from "./markdown.ts";

/** The only writer of the `news` table (migration 0021). */

export interface NewsRow {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  body_html: string;
  /** As chosen by the admin. */
  status: NewsStatus;
  /** As it stands now: a scheduled item whose time has come is published. */
  effective_status: NewsStatus;
  publish_at: Date | null;
  cover_id: string | null;
  cover_width: number | null;
  cover_height: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** What a public answer may be built from: nothing else is even selected. */
export interface PublicNewsRow {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  body_html?: string;
  publish_at: Date;
  cover_id: string | null;
  cover_width: number | null;
  cover_height: number | null;
}

const EFFECTIVE = `CASE WHEN status = 'scheduled' AND publish_at <= now() THEN 'published' ELSE status END`;
const COLUMNS = `id, slug, title, summary, body, body_html, status, ${EFFECTIVE} AS effective_status, publish_at,
  cover_id, cover_width, cover_height, version, created_at, updated_at`;
/** Public now: the one rule, compared with the database's clock. */
const IS_PUBLIC = `status <> 'draft' AND publish_at <= now()`;
const PUBLIC_COLUMNS = `id, slug, title, summary, publish_at, cover_id, cover_width, cover_height`;

export interface NewsFields {
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  bodyHtml: string;
  status: NewsStatus;
  publishAt: Date | null;
}

export async function insertNews(db: Sequelize, f: NewsFields, actorId: string | null, transaction: Transaction): Promise<NewsRow> {
  const [row] = await db.query<NewsRow>(
    `INSERT INTO news (slug, title, summary, body, body_html, render_version, status, publish_at, created_by, updated_by)
     VALUES (:slug, :title, :summary, :body, :bodyHtml, :renderVersion, :status, :publishAt, :actorId, :actorId)
     RETURNING ${COLUMNS}`,
    { replacements: { ...f, renderVersion: NEWS_RENDERER_VERSION, actorId }, type: QueryTypes.SELECT, transaction },
  );
  return row!;
}

/** Write every field and bump the version, only if the row is still at `version`; undefined when it is not. */
export async function updateNews(
  db: Sequelize,
  id: string,
  version: number,
  f: NewsFields,
  actorId: string | null,
  transaction: Transaction,
): Promise<NewsRow | undefined> {
  const [row] = await db.query<NewsRow>(
    `UPDATE news SET slug = :slug, title = :title, summary = :summary, body = :body, body_html = :bodyHtml, render_version = :renderVersion,
       status = :status, publish_at = :publishAt, version = version + 1, updated_by = :actorId, updated_at = now()
     WHERE id = :id AND version = :version
     RETURNING ${COLUMNS}`,
    { replacements: { ...f, id, version, actorId, renderVersion: NEWS_RENDERER_VERSION }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

/** News whose stored rendering an older renderer wrote. */
export async function getStaleRenderings(db: Sequelize, version: number): Promise<{ id: string; body: string; render_version: number }[]> {
  return db.query(`SELECT id, body, render_version FROM news WHERE render_version < :version ORDER BY id`, { replacements: { version }, type: QueryTypes.SELECT });
}

/**
 * A fresh rendering of one item. Only if no newer one got there first (another node, a concurrent edit),
 * and without touching the item's version or its edit stamp: the text is the same, only its HTML is new.
 */
export async function setRendering(db: Sequelize, id: string, html: string, version: number): Promise<boolean> {
  const rows = await db.query(`UPDATE news SET body_html = :html, render_version = :version WHERE id = :id AND render_version < :version RETURNING id`, {
    replacements: { id, html, version },
    type: QueryTypes.SELECT,
  });
  return rows.length > 0;
}

export async function setNewsCover(
  db: Sequelize,
  id: string,
  cover: { id: string; width: number; height: number },
  actorId: string | null,
  transaction: Transaction,
): Promise<NewsRow | undefined> {
  const [row] = await db.query<NewsRow>(
    `UPDATE news SET cover_id = :coverId, cover_width = :width, cover_height = :height, version = version + 1,
       updated_by = :actorId, updated_at = now()
     WHERE id = :id RETURNING ${COLUMNS}`,
    { replacements: { id, coverId: cover.id, width: cover.width, height: cover.height, actorId }, type: QueryTypes.SELECT, transaction },
  );
  return row;
}

export async function deleteNews(db: Sequelize, id: string, transaction: Transaction): Promise<NewsRow | undefined> {
  const [row] = await db.query<NewsRow>(`DELETE FROM news WHERE id = :id RETURNING ${COLUMNS}`, { replacements: { id }, type: QueryTypes.SELECT, transaction });
  return row;
}

/** One item, locked for the transaction's writes when `forUpdate`. */
export async function getNews(db: Sequelize, id: string, transaction?: Transaction, forUpdate = false): Promise<NewsRow | undefined> {
  const [row] = await db.query<NewsRow>(`SELECT ${COLUMNS} FROM news WHERE id = :id${forUpdate ? " FOR UPDATE" : ""}`, {
    replacements: { id },
    type: QueryTypes.SELECT,
    transaction,
  });
  return row;
}

/**
 * Slugs equal to `base` or `base-<n>`: what a new slug must avoid. Two admins saving one title at once
 * would both see `base` free and one would fail on the unique index; the lock per base (held to the end
 * of the transaction) makes the second wait and read the first's slug, so it takes `base-2` instead.
 */
export async function getSlugsLike(db: Sequelize, base: string, transaction: Transaction): Promise<Set<string>> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('news-slug:' || :base)) AS locked`, { replacements: { base }, type: QueryTypes.SELECT, transaction });
  const rows = await db.query<{ slug: string }>(`SELECT slug FROM news WHERE slug = :base OR slug ~ :pattern`, {
    replacements: { base, pattern: `^${base}-[0-9]+$` },
    type: QueryTypes.SELECT,
    transaction,
  });
  return new Set(rows.map((r) => r.slug));
}

/** Admin list: most recently changed first, in offset pages, with the total. */
export async function listNews(db: Sequelize, q: { status?: NewsStatus; limit: number; offset: number }): Promise<{ rows: NewsRow[]; total: number }> {
  const where = q.status ? `WHERE ${EFFECTIVE} = :status` : "";
  const replacements = { status: q.status ?? null, limit: q.limit, offset: q.offset };
  const rows = await db.query<NewsRow>(`SELECT ${COLUMNS} FROM news ${where} ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset`, {
    replacements,
    type: QueryTypes.SELECT,
  });
  const [count] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM news ${where}`, { replacements, type: QueryTypes.SELECT });
  return { rows, total: Number(count!.n) };
}

/** Public list: newest publication first, keyset pages after (`beforeAt`, `beforeId`). */
export function listPublicNews(db: Sequelize, q: { limit: number; before?: { at: Date; id: string } }): Promise<PublicNewsRow[]> {
  const after = q.before ? `AND (publish_at, id) < (:beforeAt, CAST(:beforeId AS uuid))` : "";
  return db.query<PublicNewsRow>(
    `SELECT ${PUBLIC_COLUMNS} FROM news WHERE ${IS_PUBLIC} ${after} ORDER BY publish_at DESC, id DESC LIMIT :limit`,
    { replacements: { limit: q.limit, beforeAt: q.before?.at ?? null, beforeId: q.before?.id ?? null }, type: QueryTypes.SELECT },
  );
}

export async function getPublicNewsBySlug(db: Sequelize, slug: string): Promise<PublicNewsRow | undefined> {
  const [row] = await db.query<PublicNewsRow>(`SELECT ${PUBLIC_COLUMNS}, body_html FROM news WHERE slug = :slug AND ${IS_PUBLIC}`, {
    replacements: { slug },
    type: QueryTypes.SELECT,
  });
  return row;
}

/** The cover of an item public now (null when it is not public or has none). */
export async function getPublicCoverId(db: Sequelize, id: string): Promise<string | null> {
  const [row] = await db.query<{ cover_id: string | null }>(`SELECT cover_id FROM news WHERE id = :id AND ${IS_PUBLIC}`, {
    replacements: { id },
    type: QueryTypes.SELECT,
  });
  return row?.cover_id ?? null;
}
