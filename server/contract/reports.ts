import { z } from "zod";
import { issueCode } from "./errors.ts";
import { requiredSafeText, safeKey, safeText } from "./text.ts";
import { DailyPeriod, instant, MonthlyPeriod, WeeklyPeriod } from "./time.ts";

/** Limits shared by the phone (before queueing) and the server (at intake). */
export const REPORT_LIMITS = {
  titleMax: 200,
  textMax: 10_000,
  photosMax: 5,
  photoBytesMax: 10 * 1024 * 1024,
  photoPixelsMax: 1600,
  /** A verifier's note on a status change. */
  statusNoteMax: 2_000,
  futureSkewMs: 10 * 60_000,
  /** Points up to this far outside Balangan go to the nearest kecamatan, flagged; farther are refused. */
  outsideToleranceMeters: 2_000,
} as const;

export const ReportKind = z.enum(["situation", "daily", "weekly", "monthly"]);
export type ReportKind = z.infer<typeof ReportKind>;
export const Classification = z.enum(["biasa", "rahasia"]);
/** The five pancagatra. */
export const Bidang = z.enum(["ideologi", "politik", "ekonomi", "sosial-budaya", "pertahanan-keamanan"]);
export type Bidang = z.infer<typeof Bidang>;
/** Tingkat kerawanan: green, yellow, red, dark red. */
export const Kerawanan = z.enum(["rendah", "sedang", "tinggi", "sangat_tinggi"]);
export type Kerawanan = z.infer<typeof Kerawanan>;
export const ReportStatus = z.enum(["submitted", "verified", "rejected", "revision_requested", "published"]);
export type ReportStatus = z.infer<typeof ReportStatus>;

/**
 * What a verifier may turn a report into, by its current status. Publishing (`verified → published` and
 * back) has routes of its own: see PUBLISH_FROM / UNPUBLISH_FROM in public-reports.ts. A report its author sends again (a situation report through `revises`, a periodic
 * report for the same period) becomes `submitted` again, except a verified or published one: that keeps its
 * status and is flagged as amended (AMENDABLE_STATUSES).
 */
export const STATUS_CHANGES: Record<ReportStatus, readonly ReportStatus[]> = {
  submitted: ["verified", "rejected", "revision_requested"],
  revision_requested: ["verified", "rejected"],
  verified: [],
  rejected: [],
  published: [],
};

/** Statuses a periodic report keeps when its author resends it: the new revision is an amendment to review. */
export const AMENDABLE_STATUSES: readonly ReportStatus[] = ["verified", "published"];

/** Statuses whose change needs a note for the author: what was wrong, what to revise. */
export const NOTE_REQUIRED: readonly ReportStatus[] = ["rejected", "revision_requested"];

/** Default sub-categories per bidang (the form offers these; admins will edit the list). */
export const DEFAULT_SUB_CATEGORIES: Record<Bidang, string[]> = {
  ideologi: ["radikalisme", "intoleransi", "paham terlarang"],
  politik: ["pilkada/pilkades", "unjuk rasa", "ormas", "partai politik"],
  ekonomi: ["harga & kelangkaan sembako/BBM", "tenaga kerja/TKA", "sengketa lahan/SDA"],
  "sosial-budaya": ["konflik sosial/SARA", "kerukunan umat beragama", "narkoba", "bencana", "orang asing"],
  "pertahanan-keamanan": ["kriminalitas", "unjuk rasa", "konflik bersenjata", "orang asing"],
};

// Every text and instant goes through the contract's one rule for each (text.ts, time.ts).
const text = (max: number = REPORT_LIMITS.textMax) => safeText({ max });
const requiredText = (max: number = REPORT_LIMITS.textMax) => requiredSafeText({ max });
const line = (max: number) => safeText({ max, singleLine: true });
const requiredLine = (max: number) => requiredSafeText({ max, singleLine: true });
/** A moment that has happened (the phone's clock may run a little fast). */
const pastInstant = instant({ notAfterNowBy: REPORT_LIMITS.futureSkewMs });
const count = z.number().int().min(0).max(10_000_000).optional();

/** Where it happened: GPS fix (with accuracy) or a pin the officer placed. */
export const ReportLocation = z.object({
  lat: z.number().finite().min(-90).max(90),
  lng: z.number().finite().min(-180).max(180),
  accuracyM: z.number().finite().min(0).max(100_000).nullable().default(null),
  source: z.enum(["gps", "pin"]),
});
export type ReportLocation = z.infer<typeof ReportLocation>;

/** Source reliability A–F × information credibility 1–6 (e.g. `B2`). */
export const NilaiInformasi = z.string().regex(/^[A-F][1-6]$/, "reliability A–F then credibility 1–6, e.g. B2");

/** The Laporan Informasi of a situation report. */
export const SituationBody = z.object({
  pendahuluan: z.object({
    sumber: requiredLine(500),
    hubunganSumber: line(500).default(""),
    caraMemperoleh: line(500).default(""),
    waktuMemperoleh: pastInstant.nullable().default(null),
    nilaiInformasi: NilaiInformasi,
  }),
  fakta: z.object({
    siapa: requiredText(),
    apa: requiredText(),
    diMana: requiredText(),
    denganApa: text().default(""),
    mengapa: text().default(""),
    bagaimana: requiredText(),
    bilamana: requiredText(500),
    jumlahMassa: count,
    korban: count,
    /** Losses in Rupiah: far beyond head counts, still well inside exact integers. */
    kerugian: z.number().int().min(0).max(1e15).optional(),
  }),
  pendapat: z.object({
    analisa: text().default(""),
    prakiraan: text().default(""),
    langkah: text().default(""),
    saran: text().default(""),
  }),
});

const bidangLines = z.object(
  Object.fromEntries(Bidang.options.map((b) => [b, text(2_000).default("nihil")])) as Record<Bidang, z.ZodDefault<ReturnType<typeof text>>>,
);

export const DailyBody = z.object({
  situasiUmum: z.enum(["aman-kondusif", "ada-kejadian"]),
  perBidang: bidangLines,
  kejadianMenonjol: z.array(z.string().uuid()).max(50).default([]),
  jumlahKejadian: z.number().int().min(0).max(10_000),
  agendaBesok: text().default(""),
  potensiMasalah: text().default(""),
  rekomendasi: text().default(""),
});

export const WeeklyBody = z.object({
  tallies: z.record(safeKey(80), z.number().int().min(0).max(100_000)).default({}),
  trend: text().default(""),
  isuMenonjol: text().default(""),
  hotspots: text().default(""),
  prakiraan: text().default(""),
  rekomendasi: text().default(""),
});

export const MonthlyBody = z.object({
  statistik: z.record(safeKey(80), z.number().int().min(0).max(1_000_000)).default({}),
  athg: z.object(
    Object.fromEntries(Bidang.options.map((b) => [b, text(5_000).default("")])) as Record<Bidang, z.ZodDefault<ReturnType<typeof text>>>,
  ),
  kejadianMenonjol: text().default(""),
  prakiraan: text().default(""),
  saran: text().default(""),
});

const common = {
  /** Made on the phone when the report is first saved: the idempotency key of this submission. */
  clientId: z.string().uuid("must be a UUID"),
  perihal: requiredLine(REPORT_LIMITS.titleMax),
  classification: Classification.default("biasa"),
  kerawanan: Kerawanan,
  occurredAt: pastInstant,
  /** When the phone sent it: the same rule, so a phone clock years off is caught. */
  sentAt: pastInstant,
  location: ReportLocation,
  /** SHA-256 of the photos that will be uploaded separately. */
  photos: z.array(z.string().regex(/^[a-f0-9]{64}$/, "sha256 hex")).max(REPORT_LIMITS.photosMax, `at most ${REPORT_LIMITS.photosMax} photos`).default([]),
};

/**
 * A situation report sent back for revision (`revision_requested`) and resent by its author: the same
 * report gets a new revision and goes back to `submitted`. `version` is the report's version the officer
 * saw with the verifier's note; the submission's own `clientId` is new, and keeps the resend idempotent.
 */
export const ReviseTarget = z.strictObject({
  reportId: z.string().uuid("not a report id"),
  version: z.number().int().min(1),
});
export type ReviseTarget = z.infer<typeof ReviseTarget>;

export const SubmitReportInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("situation"),
    ...common,
    bidang: Bidang,
    subCategory: requiredLine(80),
    body: SituationBody,
    /** Present when this submission revises a report sent back for revision (see ReviseTarget). */
    revises: ReviseTarget.optional(),
  }),
  z.object({ kind: z.literal("daily"), ...common, period: DailyPeriod, body: DailyBody }),
  z.object({ kind: z.literal("weekly"), ...common, period: WeeklyPeriod, body: WeeklyBody }),
  z.object({ kind: z.literal("monthly"), ...common, period: MonthlyPeriod, body: MonthlyBody }),
]);
export type SubmitReportInput = z.infer<typeof SubmitReportInput>;
export type SubmitReportRaw = z.input<typeof SubmitReportInput>;

export type { ReportBody, ReportView, SubmitResult, SubCategoryView } from "./report-view.ts";

/**
 * A verifier's decision. `version` is the report's version the verifier saw: if it moved on (another
 * verifier acted, the author sent a revision), the change is refused rather than applied blind.
 */
export const ChangeStatusInput = z
  .object({
    status: z.enum(["verified", "rejected", "revision_requested"]),
    note: text(REPORT_LIMITS.statusNoteMax).optional(),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (NOTE_REQUIRED.includes(v.status) && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "required when rejecting or asking for a revision", params: issueCode("required") });
  });
export type ChangeStatusInput = z.infer<typeof ChangeStatusInput>;

export const ChangesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

// The query of GET /api/reports (filters, paging) is in report-queue.ts.

/** Photo upload limits and the types accepted (checked by magic bytes, not by the declared type). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const Sha256Hex = z.string().regex(/^[a-f0-9]{64}$/, "sha256 hex");

export const CreateSubCategoryInput = z.object({
  bidang: Bidang,
  name: requiredLine(80),
  sort: z.number().int().min(0).max(1000).default(0),
});

export const UpdateSubCategoryInput = z
  .object({ name: requiredLine(80).optional(), active: z.boolean().optional(), sort: z.number().int().min(0).max(1000).optional() })
  .strict();
