import type { NewsCover, NewsListItem, NewsView, PublicNewsArticle, PublicNewsItem } from "@contract/news.ts";
import type { NewsRow, PublicNewsRow } from "./news.repo.ts";

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * A cover's address carries its own id (`?v=`): each upload gets a new one, so a browser that cached the
 * old picture fetches the new one at once instead of after its cache time.
 */
function coverOf(base: string, r: { id: string; cover_id: string | null; cover_width: number | null; cover_height: number | null }): NewsCover | null {
  if (!r.cover_id) return null;
  return { url: `${base}/${r.id}/cover?v=${r.cover_id}`, width: r.cover_width!, height: r.cover_height! };
}

export function presentNewsListItem(r: NewsRow): NewsListItem {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    status: r.effective_status,
    publishAt: iso(r.publish_at),
    cover: coverOf("/api/news", r),
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export function presentNews(r: NewsRow): NewsView {
  return { ...presentNewsListItem(r), body: r.body, bodyHtml: r.body_html };
}

/** The public allow-list, field by field: nothing of the row reaches a visitor unless named here. */
export function presentPublicNewsItem(r: PublicNewsRow): PublicNewsItem {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    cover: coverOf("/api/public/news", r),
    publishedAt: iso(r.publish_at)!,
  };
}

export function presentPublicNewsArticle(r: PublicNewsRow): PublicNewsArticle {
  return { ...presentPublicNewsItem(r), bodyHtml: r.body_html ?? "" };
}
