import type { Sequelize, Transaction } from "sequelize";
import type { CreateNewsInput, NewsListItem, NewsListQuery, NewsStatus, NewsView, PublicNewsArticle, PublicNewsItem, PublicNewsQuery, UpdateNewsInput } from "@contract/news.ts";
import type { AuditAction, AuditService } from "../audit/audit.service.ts";
import type { Clock } from "../core/clock.ts";
import { conflict, invalid, notFound } from "../core/errors.ts";
import type { RequestContext } from "../core/request-context.ts";
import { NEWS_RENDERER_VERSION, renderNewsMarkdown } from "./markdown.ts";
import type { NewsCovers } from "./news-covers.ts";
import {
  deleteNews,
  getNews,
  getPublicCoverId,
  getPublicNewsBySlug,
  getSlugsLike,
  getStaleRenderings,
  insertNews,
  listNews,
  listPublicNews,
  setNewsCover,
  setRendering,
  updateNews,
  type NewsFields,
  type NewsRow,
} from "./news.repo.ts";
import { presentNews, presentNewsListItem, presentPublicNewsArticle, presentPublicNewsItem } from "./news.present.ts";
import { firstFreeSlug, slugOf } from "./slug.ts";

/** A "published" date this far ahead is a clock a little fast, not a schedule. */
const PUBLISH_SLACK_MS = 60_000;
const SLUG_TAKEN = "Another news item has this slug";

export interface NewsDeps {
  db: Sequelize;
  audit: AuditService;
  clock: Clock;
  covers: NewsCovers;
}

/**
 * The status and publication moment an item ends up with. A schedule must name a future moment when it is
 * set; a scheduled item whose time has come and is saved again is stored as what it is now, published.
 * Publishing without a date keeps the first publication date of an item already public, else now.
 */
export function decideSchedule(
  current: Pick<NewsRow, "effective_status" | "publish_at"> | null,
  input: { status?: NewsStatus; publishAt?: string | null },
  now: Date,
): { status: NewsStatus; publishAt: Date | null } {
  const status = input.status ?? current?.effective_status ?? "draft";
  const given = input.publishAt === undefined ? undefined : input.publishAt === null ? null : new Date(input.publishAt);
  if (status === "draft") return { status, publishAt: given === undefined ? (current?.publish_at ?? null) : given };
  if (status === "published") {
    if (given && given.getTime() > now.getTime() + PUBLISH_SLACK_MS)
      throw invalid("Input is not valid", { publishAt: "is in the future: choose status scheduled to publish later" });
    const keep = current?.effective_status === "published" ? current.publish_at : null;
    return { status, publishAt: given ?? keep ?? now };
  }
  const at = given === undefined ? (current?.publish_at ?? null) : given;
  if (!at) throw invalid("Input is not valid", { publishAt: "a scheduled item needs publishAt" });
  if (at.getTime() > now.getTime()) return { status, publishAt: at };
  if (given !== undefined) throw invalid("Input is not valid", { publishAt: "must be in the future for a scheduled item (or choose published)" });
  return { status: "published", publishAt: at };
}

/** Which audit action a save is: a change of public visibility says so. */
function auditActionOf(before: NewsStatus | null, after: NewsStatus): AuditAction {
  if (before === null) return "news.created";
  if (before !== "published" && after === "published") return "news.published";
  if (before !== "draft" && after === "draft") return "news.unpublished";
  return "news.updated";
}

const isUniqueViolation = (err: unknown) => (err as { name?: string })?.name === "SequelizeUniqueConstraintError";

/** News (berita): admins write, schedule, publish, unpublish and delete; anyone reads what is public now. */
export function createNewsService({ db, audit, clock, covers }: NewsDeps) {
  const record = (ctx: RequestContext, action: AuditAction, row: NewsRow, t: Transaction, extra: Record<string, unknown> = {}) =>
    audit.record(ctx, action, { targetType: "news", targetId: row.id, details: { title: row.title, slug: row.slug, status: row.effective_status, ...extra } }, t);

  async function freeSlug(title: string, t: Transaction): Promise<string> {
    const base = slugOf(title);
    return firstFreeSlug(base, await getSlugsLike(db, base, t));
  }

  return {
    async list(q: NewsListQuery): Promise<{ items: NewsListItem[]; total: number }> {
      const { rows, total } = await listNews(db, q);
      return { items: rows.map(presentNewsListItem), total };
    },

    async get(id: string): Promise<NewsView> {
      const row = await getNews(db, id);
      if (!row) throw notFound("News item not found");
      return presentNews(row);
    },

    preview: (body: string) => ({ html: renderNewsMarkdown(body) }),

    /**
     * Render again every item an older renderer wrote (NEWS_RENDERER_VERSION): main.ts calls it at start,
     * so a fix to the renderer reaches the news already stored. How many were rendered.
     */
    async refreshRenderings(): Promise<number> {
      let done = 0;
      for (const row of await getStaleRenderings(db, NEWS_RENDERER_VERSION)) {
        if (await setRendering(db, row.id, renderNewsMarkdown(row.body), NEWS_RENDERER_VERSION)) done++;
      }
      return done;
    },

    async create(ctx: RequestContext, input: CreateNewsInput): Promise<NewsView> {
      const schedule = decideSchedule(null, input, clock.now());
      const row = await db.transaction(async (t) => {
        const fields: NewsFields = {
          slug: await freeSlug(input.title, t),
          title: input.title,
          summary: input.summary || null,
          body: input.body,
          bodyHtml: renderNewsMarkdown(input.body),
          ...schedule,
        };
        const row = await insertNews(db, fields, ctx.user?.id ?? null, t).catch((err: unknown) => {
          throw isUniqueViolation(err) ? conflict(SLUG_TAKEN) : err;
        });
        await record(ctx, auditActionOf(null, row.effective_status), row, t);
        return row;
      });
      return presentNews(row);
    },

    async update(ctx: RequestContext, id: string, input: UpdateNewsInput): Promise<NewsView> {
      const row = await db.transaction(async (t) => {
        const current = await getNews(db, id, t, true);
        if (!current) throw notFound("News item not found");
        if (current.version !== input.version) throw conflict(`This news item was changed by someone else (version ${current.version}); reload it`);
        const body = input.body ?? current.body;
        const fields: NewsFields = {
          slug: input.slug ?? current.slug,
          title: input.title ?? current.title,
          summary: input.summary === undefined ? current.summary : input.summary || null,
          body,
          bodyHtml: renderNewsMarkdown(body),
          ...decideSchedule(current, input, clock.now()),
        };
        const row = await updateNews(db, id, input.version, fields, ctx.user?.id ?? null, t).catch((err: unknown) => {
          throw isUniqueViolation(err) ? conflict(SLUG_TAKEN) : err;
        });
        if (!row) throw conflict("This news item was changed by someone else; reload it");
        await record(ctx, auditActionOf(current.effective_status, row.effective_status), row, t, {
          changed: Object.keys(input).filter((k) => k !== "version"),
        });
        return row;
      });
      return presentNews(row);
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      const row = await db.transaction(async (t) => {
        const row = await deleteNews(db, id, t);
        if (!row) throw notFound("News item not found");
        await record(ctx, "news.deleted", row, t);
        return row;
      });
      await covers.discard(row.cover_id, row.id);
    },

    /** A new cover from uploaded bytes (checked, decoded, re-encoded); the old one's file goes. */
    async putCover(ctx: RequestContext, id: string, bytes: Buffer): Promise<NewsView> {
      if (!(await getNews(db, id))) throw notFound("News item not found");
      const cover = await covers.make(id, bytes);
      let old: string | null = null;
      try {
        const row = await db.transaction(async (t) => {
          const current = await getNews(db, id, t, true);
          if (!current) throw notFound("News item not found");
          old = current.cover_id;
          const row = (await setNewsCover(db, id, cover, ctx.user?.id ?? null, t))!;
          await record(ctx, "news.cover_changed", row, t, { width: cover.width, height: cover.height });
          return row;
        });
        await covers.discard(old);
        return presentNews(row);
      } catch (err) {
        await covers.discard(cover.id);
        throw err;
      }
    },

    /** Where an item's cover file is, for staff (any status); 404 without one. */
    async coverFile(id: string): Promise<string> {
      const row = await getNews(db, id);
      if (!row?.cover_id) throw notFound("No cover");
      return covers.fileOf(row.cover_id);
    },

    async publicList(q: PublicNewsQuery): Promise<{ items: PublicNewsItem[]; next: string | null }> {
      const [ms, beforeId] = q.cursor ? q.cursor.split(/\.(.*)/s) : [];
      const rows = await listPublicNews(db, { limit: q.limit, before: q.cursor ? { at: new Date(Number(ms)), id: beforeId! } : undefined });
      const last = rows.at(-1);
      return { items: rows.map(presentPublicNewsItem), next: rows.length === q.limit && last ? `${new Date(last.publish_at).getTime()}.${last.id}` : null };
    },

    async publicArticle(slug: string): Promise<PublicNewsArticle> {
      const row = await getPublicNewsBySlug(db, slug);
      if (!row) throw notFound("News item not found");
      return presentPublicNewsArticle(row);
    },

    /** The cover of an item public now; 404 otherwise (a draft's cover is nobody's business yet). */
    async publicCoverFile(id: string): Promise<string> {
      const coverId = await getPublicCoverId(db, id);
      if (!coverId) throw notFound("No cover");
      return covers.fileOf(coverId);
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
