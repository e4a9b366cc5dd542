import { dataOf, pageOf } from "./envelope.ts";
import {
  CreateNewsInput,
  NewsIdParams,
  NewsListItem,
  NewsListQuery,
  NewsPreview,
  NewsPreviewInput,
  NewsSlugParams,
  NewsView,
  PublicNewsArticle,
  PublicNewsItem,
  PublicNewsQuery,
  UpdateNewsInput,
} from "./news.ts";

/**
 * The news routes of the API table (routes.ts spreads them into API_ROUTES, which checks each entry
 * against RouteSpec). Admins write Markdown that the server's safe renderer turns into HTML; anyone reads
 * what is public now.
 */
export const NEWS_ROUTES = {
  /** Every status (a scheduled item whose time has come shows as published), last changed first, in offset pages. */
  "GET /api/news": { access: "news.manage", query: NewsListQuery, output: pageOf(NewsListItem), cursor: "offset" },
  /** 201; the slug comes from the title (made unique with -2, -3 …). */
  "POST /api/news": { access: "news.manage", body: CreateNewsInput, output: dataOf(NewsView) },
  /** The HTML a body renders to, by the same renderer the save uses (for the editor's live preview). */
  "POST /api/news/preview": { access: "news.manage", body: NewsPreviewInput, output: dataOf(NewsPreview) },
  "GET /api/news/:id": { access: "news.manage", params: NewsIdParams, output: dataOf(NewsView) },
  /** 409 when `version` is not the item's; unpublish is `status: "draft"`. */
  "PATCH /api/news/:id": { access: "news.manage", params: NewsIdParams, body: UpdateNewsInput, output: dataOf(NewsView) },
  "DELETE /api/news/:id": { access: "news.manage", params: NewsIdParams, output: "empty" },
  /** Raw image bytes, the report photos' rules (10 MB, JPEG / PNG / WebP by content); stored re-encoded as WebP without metadata. */
  "PUT /api/news/:id/cover": { access: "news.manage", params: NewsIdParams, body: "bytes", output: dataOf(NewsView) },
  /** The cover for the editor, whatever the item's status. */
  "GET /api/news/:id/cover": { access: "news.manage", params: NewsIdParams, output: "file" },
  /** Public now (published, or scheduled and its time has come), newest first, in keyset pages. */
  "GET /api/public/news": { access: "public", query: PublicNewsQuery, output: pageOf(PublicNewsItem), cursor: "cursor" },
  /** 404 unless public now. */
  "GET /api/public/news/:slug": { access: "public", params: NewsSlugParams, output: dataOf(PublicNewsArticle) },
  /** 404 unless its item is public now and has a cover. */
  "GET /api/public/news/:id/cover": { access: "public", params: NewsIdParams, output: "file" },
} as const;
