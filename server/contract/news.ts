import { z } from "zod";
import { safeText } from "./text.ts";
import { instant } from "./time.ts";

/**
 * News (berita, issue 14 part 4): admins write articles in Markdown; anyone reads the published ones.
 *
 * The body is Markdown, rendered on the server by one safe renderer (server/news/markdown.ts) into
 * `bodyHtml` when saved: no raw HTML, links only http(s) / mailto / relative, images only from our own
 * `/api/public/` paths. Clients show `bodyHtml` as it comes and never render Markdown themselves.
 *
 * Status: `draft` (nobody outside sees it), `scheduled` (public from `publishAt`, a moment in the future
 * when saved), `published` (public since `publishAt`, now unless given). The server reports a scheduled
 * item whose time has come as `published`; public reads compare `publishAt` with the database's now(),
 * so no job is needed to publish it.
 */

export const NEWS_LIMITS = {
  titleMax: 200,
  summaryMax: 500,
  bodyMax: 50_000,
  slugMax: 100,
  /** The longest side of a cover, px (re-encoded to WebP without metadata). */
  coverSideMax: 1600,
  pageMax: 50,
  pageDefault: 20,
} as const;

export const NewsStatus = z.enum(["draft", "scheduled", "published"]);
export type NewsStatus = z.infer<typeof NewsStatus>;

/** Lowercase ASCII words joined by single hyphens: the shareable part of `/berita/:slug`. */
export const NewsSlug = z
  .string()
  .max(NEWS_LIMITS.slugMax, `at most ${NEWS_LIMITS.slugMax} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens only");

export const NewsIdParams = z.strictObject({ id: z.string().uuid("not a news id") });
export const NewsSlugParams = z.strictObject({ slug: NewsSlug });

const title = safeText({ max: NEWS_LIMITS.titleMax, singleLine: true }).pipe(z.string().min(1, "required"));
/** Empty means none. */
const summary = safeText({ max: NEWS_LIMITS.summaryMax }).nullable();
const body = safeText({ max: NEWS_LIMITS.bodyMax });

/** Checks both inputs share: a schedule names its moment; `publishAt` belongs to a non-draft item. */
function statusRules(v: { status?: NewsStatus; publishAt?: string | null }, ctx: z.RefinementCtx) {
  if (v.status === "scheduled" && !v.publishAt) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "a scheduled item needs publishAt" });
}

/** A new item; a draft unless `status` says otherwise. */
export const CreateNewsInput = z
  .strictObject({
    title,
    summary: summary.optional(),
    body: body.default(""),
    status: NewsStatus.default("draft"),
    /** When it goes (or went) public: required for `scheduled`, now by default for `published`. */
    publishAt: instant().nullable().optional(),
  })
  .superRefine(statusRules);
export type CreateNewsInput = z.output<typeof CreateNewsInput>;

/** Change an item; `version` is the one the editor loaded (409 when it moved on). Unpublish: `status: "draft"`. */
export const UpdateNewsInput = z
  .strictObject({
    version: z.number().int().min(1),
    title: title.optional(),
    /** The shareable link's last part; kept when the title changes, so links already shared keep working. */
    slug: NewsSlug.optional(),
    summary: summary.optional(),
    body: body.optional(),
    status: NewsStatus.optional(),
    publishAt: instant().nullable().optional(),
  })
  .superRefine(statusRules);
export type UpdateNewsInput = z.output<typeof UpdateNewsInput>;

export const NewsPreviewInput = z.strictObject({ body });
export const NewsPreview = z.strictObject({ html: z.string() });

export const NewsListQuery = z.strictObject({
  status: NewsStatus.optional(),
  limit: z.coerce.number().int().min(1).max(NEWS_LIMITS.pageMax).default(NEWS_LIMITS.pageDefault),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type NewsListQuery = z.output<typeof NewsListQuery>;

export const NewsCover = z.strictObject({ url: z.string(), width: z.number().int(), height: z.number().int() });
export type NewsCover = z.infer<typeof NewsCover>;

/** An item as admins see it in the list. */
export const NewsListItem = z.strictObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  /** As it stands now: a scheduled item whose time has come is `published`. */
  status: NewsStatus,
  publishAt: z.string().nullable(),
  /** The admin's view of the cover (served to staff whatever the status). */
  cover: NewsCover.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NewsListItem = z.infer<typeof NewsListItem>;

/** An item for its editor: the Markdown as written and the HTML the public gets. */
export const NewsView = NewsListItem.extend({ body: z.string(), bodyHtml: z.string() });
export type NewsView = z.infer<typeof NewsView>;

/**
 * A published item in the public list. The allow-list: exactly these keys (no author, no version, no
 * Markdown source, no drafts' dates).
 */
export const PublicNewsItem = z.strictObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  cover: NewsCover.nullable(),
  publishedAt: z.string(),
});
export type PublicNewsItem = z.infer<typeof PublicNewsItem>;

/** A published article: the list's keys and the safe HTML of its body. */
export const PublicNewsArticle = PublicNewsItem.extend({ bodyHtml: z.string() });
export type PublicNewsArticle = z.infer<typeof PublicNewsArticle>;

export const PUBLIC_NEWS_ITEM_KEYS = Object.keys(PublicNewsItem.shape) as (keyof PublicNewsItem)[];
export const PUBLIC_NEWS_ARTICLE_KEYS = Object.keys(PublicNewsArticle.shape) as (keyof PublicNewsArticle)[];

/** Newest first; `cursor` is the list's `page.next` (publication instant in ms and id). */
export const PublicNewsQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^\d{1,15}\.[0-9a-f-]{36}$/, "not a cursor of this list")
    .optional(),
  limit: z.coerce.number().int().min(1).max(NEWS_LIMITS.pageMax).default(NEWS_LIMITS.pageDefault),
});
export type PublicNewsQuery = z.output<typeof PublicNewsQuery>;
