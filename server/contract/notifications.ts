import { z } from "zod";
import { KecamatanKode } from "./auth.ts";
import { Bidang, Kerawanan, ReportStatus } from "./reports.ts";

/**
 * Notifications (issue 14 part 3): an in-app centre per user, the subscriptions that decide which
 * publications a user hears of, and Web Push (VAPID) to the browsers a user registered.
 *
 * Who hears what:
 * - `report_published`: users whose subscription matches a publication's kecamatan and bidang. Built from
 *   the public shape only (PublicReport), so a guest never receives staff data through a notification.
 * - `report_decided`: an officer, on a decision about a report of their own (verified, rejected, revision
 *   requested, published).
 * - `report_received`: verifiers, on a new situation report in their region (no regions = every kecamatan).
 */

export const NOTIFICATION_LIMITS = {
  pageMax: 100,
  pageDefault: 20,
  markMax: 200,
  titleMax: 200,
  bodyMax: 500,
  /** How many kecamatan a subscription may name (Balangan has 8). */
  kecamatanMax: 8,
  endpointMax: 2048,
} as const;

export const NotificationKind = z.enum(["report_published", "report_decided", "report_received"]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Ids are decimal strings of a bigint sequence: newest first is highest first, and the cursor is one. */
const NotificationId = z.string().regex(/^\d{1,18}$/, "not a notification id");

/**
 * What a notification is about, as data, so each reader's language can word it: `title` and `body` are
 * the Indonesian words (as pushed), these the facts behind them — the same audience's facts only (a
 * publication's from the public shape). Null on notifications stored before they were kept.
 */
export const NotificationParams = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("report_published"), kecamatan: z.string(), title: z.string(), bidang: Bidang, place: z.string(), day: z.string(), summary: z.string() }),
  z.strictObject({ kind: z.literal("report_decided"), number: z.string(), status: ReportStatus, perihal: z.string(), note: z.string().nullable() }),
  z.strictObject({ kind: z.literal("report_received"), number: z.string(), kecamatan: z.string(), perihal: z.string(), kerawanan: Kerawanan }),
]);
export type NotificationParams = z.infer<typeof NotificationParams>;

/** One notification as its owner sees it. The same shape for every role; its text is made per audience. */
export const NotificationView = z.strictObject({
  id: NotificationId,
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  params: NotificationParams.nullable(),
  /** Where a click goes in the dashboard: `/laporan/<id>` (public page) or `/ops/reports/<id>` (staff). */
  link: z.string(),
  createdAt: z.string(),
  /** Null while unread. */
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** Newest first, in keyset pages: `page.next` goes back as `before`. */
export const NotificationListQuery = z.strictObject({
  before: NotificationId.optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_LIMITS.pageMax).default(NOTIFICATION_LIMITS.pageDefault),
});
export type NotificationListQuery = z.output<typeof NotificationListQuery>;

/** Mark some of the caller's notifications read (`ids`), or every one (`all: true`); exactly one of the two. */
export const MarkReadInput = z
  .strictObject({
    ids: z.array(NotificationId).min(1).max(NOTIFICATION_LIMITS.markMax).optional(),
    all: z.literal(true).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: "send either ids or all: true" });
export type MarkReadInput = z.infer<typeof MarkReadInput>;

/** What is still unread after marking. */
export const UnreadCount = z.strictObject({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCount>;

/**
 * Which publications a user wants to hear of. Off until the user turns it on (opt-in); on with empty lists
 * means every publication; a list narrows to those kecamatan / bidang.
 */
export const NotificationSubscription = z.strictObject({
  enabled: z.boolean(),
  kecamatan: z.array(KecamatanKode).max(NOTIFICATION_LIMITS.kecamatanMax),
  bidang: z.array(Bidang).max(Bidang.options.length),
});
export type NotificationSubscription = z.infer<typeof NotificationSubscription>;

/** The VAPID public key (base64url, uncompressed P-256 point) a browser subscribes with. */
export const PushKey = z.strictObject({ publicKey: z.string() });
export type PushKey = z.infer<typeof PushKey>;

/** base64url (padding allowed) whose text length, unpadded, is `chars`: a byte length without decoding. */
const base64urlOf = (chars: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((s) => s.replace(/=+$/, "").length === chars, `${what} has the wrong length`);

/**
 * A browser's push subscription (`PushSubscription.toJSON()`): the push service's endpoint and the
 * keys the payload is encrypted to (RFC 8291). The endpoint must be https; the server also takes http on
 * localhost outside production (see docs/notifications.md) and refuses the rest with 400.
 */
export const PushSubscriptionInput = z.strictObject({
  endpoint: z
    .string()
    .max(NOTIFICATION_LIMITS.endpointMax)
    .url("not a URL")
    .refine((u) => /^https?:\/\//i.test(u), "must be an https URL"),
  /** Browsers send it (usually null); unused. */
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    /** The subscription's P-256 public key: 65 bytes, uncompressed (starts 0x04, hence "B"). */
    p256dh: base64urlOf(87, "p256dh").refine((s) => s.startsWith("B"), "p256dh must be an uncompressed P-256 point"),
    /** The 16-byte authentication secret. */
    auth: base64urlOf(22, "auth"),
  }),
  /** The dashboard's language when subscribing: this browser's pushes are worded in it (default Indonesian). */
  lang: z.enum(["id", "en"]).optional(),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const PushEndpointInput = z.strictObject({ endpoint: z.string().max(NOTIFICATION_LIMITS.endpointMax) });
export type PushEndpointInput = z.infer<typeof PushEndpointInput>;

/** The dashboard's language changed: word this browser's pushes in it from now on. */
export const PushLanguageInput = PushEndpointInput.extend({ lang: z.enum(["id", "en"]) });
export type PushLanguageInput = z.infer<typeof PushLanguageInput>;

/** What the service worker receives, decrypted (dashboard/public/sw-push.js). */
export const PushPayload = z.strictObject({
  title: z.string(),
  body: z.string(),
  /** Opened (or focused) on click; same-origin path. */
  url: z.string(),
  /** Replaces an earlier notification of the same report instead of stacking. */
  tag: z.string(),
});
export type PushPayload = z.infer<typeof PushPayload>;
