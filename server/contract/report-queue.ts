import { z } from "zod";
import { Bidang, Kerawanan, ReportKind, ReportStatus } from "./reports.ts";
import type { ReportView } from "./report-view.ts";
import { safeText } from "./text.ts";
import { instant, INSTANT_RANGE, parseInstant } from "./time.ts";

/**
 * The verifiers' queue: which reports `GET /api/reports` lists (filters, the same for the counts), how it
 * pages, and the one rule (`matchesReportFilter`) that tells a live client whether a report arriving over
 * the socket belongs in the filtered view it shows. Server and dashboard use the same rule.
 */

export const QUEUE_LIMITS = {
  /** Values one list filter may name (statuses, kecamatan, authors…). */
  valuesMax: 50,
  /** Characters of a text search. */
  searchMax: 200,
  pageMax: 500,
} as const;

/**
 * A filter that takes one or more values: `status=submitted,verified` or `status=submitted&status=verified`
 * (the client kit sends arrays comma-joined).
 */
const anyOf = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",") : Array.isArray(v) ? v.flatMap((x) => (typeof x === "string" ? x.split(",") : [x])) : v),
      z.array(item).min(1).max(QUEUE_LIMITS.valuesMax),
    )
    .optional();

const regionKode = z.string().regex(/^63\.11(\.\d{2}(\.\d{4})?)?$/, "a region code such as 63.11.06 or 63.11.06.2001");
const booleanFlag = z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true"));

/** What the queue may be narrowed to. Every field is optional; together they all must hold. */
export const ReportFilter = z.strictObject({
  status: anyOf(ReportStatus),
  kind: anyOf(ReportKind),
  bidang: anyOf(Bidang),
  subCategory: safeText({ max: 80, singleLine: true }).optional(),
  kerawanan: anyOf(Kerawanan),
  kecamatan: anyOf(regionKode),
  desa: anyOf(regionKode),
  /** Report authors (user ids). */
  author: anyOf(z.string().uuid("not a user id")),
  /** Words in the perihal or the SIADIDEMENBABI facts, anywhere, any case. */
  q: safeText({ max: QUEUE_LIMITS.searchMax, singleLine: true }).optional(),
  /** From this instant (inclusive)… */
  from: instant().optional(),
  /** …to this one (exclusive). */
  to: instant().optional(),
  /** Which instant `from`/`to` are about: when the server received the report, or when it happened. */
  time: z.enum(["received", "occurred"]).default("received"),
  /** Only reports holding an amendment no verifier has looked at yet (a verified periodic report resent). */
  flagged: booleanFlag,
});
export type ReportFilter = z.output<typeof ReportFilter>;
export type ReportFilterInput = z.input<typeof ReportFilter>;

/**
 * Where a page ends: the last report's received_at (to the microsecond, as the database holds it) and id.
 * Opaque to clients: they send back `page.next` as `before`.
 */
export interface QueueCursor {
  receivedAt: string;
  /** Null for an old-style cursor (a bare instant): the reports received before it. */
  id: string | null;
}

const CURSOR_TEXT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|([0-9a-f-]{36})$/;

/** The cursor after the last report of a page. */
export function encodeQueueCursor(c: { receivedAt: string; id: string }): string {
  return btoa(`${c.receivedAt}|${c.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A cursor sent back, or null when it is not one (then it may still be a bare instant, see `before`). */
export function decodeQueueCursor(s: string): QueueCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
  let text: string;
  try {
    text = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const m = CURSOR_TEXT.exec(text);
  return m ? { receivedAt: m[1]!, id: m[2]! } : null;
}

/** `before`: a page's `next`, or (as clients of the first list sent) an instant. */
const Before = z.string().transform((s, ctx): QueueCursor => {
  const cursor = decodeQueueCursor(s);
  if (cursor) return cursor;
  const ms = parseInstant(s);
  if (ms !== null && ms >= INSTANT_RANGE.min && ms < INSTANT_RANGE.max) return { receivedAt: s, id: null };
  ctx.addIssue({ code: "custom", message: "not a cursor of this list (send back page.next)" });
  return z.NEVER;
});

/** Query of `GET /api/reports`: the filter, newest first, in pages. Unknown parameters are refused. */
export const ReportListQuery = ReportFilter.extend({
  /** Only the caller's own reports (officers always get only their own). */
  mine: booleanFlag.transform((v) => v === true),
  limit: z.coerce.number().int().min(1).max(QUEUE_LIMITS.pageMax).default(100),
  /** Paging: the reports after this cursor (`page.next` of the previous page). */
  before: Before.optional(),
});
export type ReportListQuery = z.output<typeof ReportListQuery>;

/** Query of `GET /api/reports/counts`: the same filter (and `mine`), no paging. */
export const ReportCountsQuery = ReportListQuery.omit({ limit: true, before: true });
export type ReportCountsQuery = z.output<typeof ReportCountsQuery>;

/** Answer of `GET /api/reports/counts`. */
export const ReportCounts = z.strictObject({
  /** Reports matching the whole filter. */
  total: z.number().int().min(0),
  /** Per status, for the filter without its `status` part: what each status tab would hold. */
  byStatus: z.strictObject(Object.fromEntries(ReportStatus.options.map((s) => [s, z.number().int().min(0)])) as Record<ReportStatus, z.ZodNumber>),
  /** Of `total`, those holding an unreviewed amendment. */
  amended: z.number().int().min(0),
});
export type ReportCounts = z.infer<typeof ReportCounts>;

const FACT_FIELDS = ["siapa", "apa", "diMana", "denganApa", "mengapa", "bagaimana", "bilamana"] as const;

/**
 * The text `q` searches: the perihal and the facts, joined by spaces. The server searches the same
 * concatenation (report_search_text in migration 0012), so a match here is a match there.
 */
export function reportSearchText(view: Pick<ReportView, "perihal" | "body">): string {
  const fakta = (view.body as { fakta?: Record<string, unknown> }).fakta ?? {};
  return [view.perihal, ...FACT_FIELDS.map((f) => (typeof fakta[f] === "string" ? (fakta[f] as string) : ""))].join(" ");
}

const within = <T>(values: readonly T[] | undefined, value: T) => values === undefined || values.includes(value);

/**
 * Does this report belong in the view filtered so? The rule `GET /api/reports` applies, for reports that
 * arrive live (`report:created`, `report:updated`). Scope (whose reports the caller may see) is not part of
 * it: the rooms decide that before anything arrives. Takes the filter parsed (`ReportFilter.parse` once,
 * not per report).
 */
export function matchesReportFilter(view: ReportView, filter: ReportFilter): boolean {
  const at = Date.parse(filter.time === "occurred" ? view.occurredAt : view.receivedAt);
  return (
    within(filter.status, view.status) &&
    within(filter.kind, view.kind) &&
    (filter.bidang === undefined || (view.bidang !== null && filter.bidang.includes(view.bidang))) &&
    (!filter.subCategory || view.subCategory === filter.subCategory) &&
    within(filter.kerawanan, view.kerawanan) &&
    within(filter.kecamatan, view.kecamatan.kode) &&
    (filter.desa === undefined || (view.desa !== null && filter.desa.includes(view.desa.kode))) &&
    within(filter.author, view.author.id) &&
    (!filter.q || reportSearchText(view).toLowerCase().includes(filter.q.toLowerCase())) &&
    (filter.from === undefined || at >= Date.parse(filter.from)) &&
    (filter.to === undefined || at < Date.parse(filter.to)) &&
    (filter.flagged === undefined || Boolean(view.amendedAt) === filter.flagged)
  );
}
