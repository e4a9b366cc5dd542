import { z } from "zod";
import { Bidang } from "./reports.ts";
import { requiredSafeText, safeText } from "./text.ts";

/**
 * Early warning: rules turn reports into alerts with evidence (the reports behind them). An alert opens
 * once per condition (a rule and its key: a report, a kecamatan × bidang, a cluster), escalates while the
 * condition grows, is acknowledged by a leader with a note, and closes by itself when the condition has
 * been gone for the rule's `closeAfterMinutes` (or by hand).
 */

export const AlertRule = z.enum(["critical", "spike", "hotspot", "silence"]);
export type AlertRule = z.infer<typeof AlertRule>;

/** Severity of an alert, and the alert level of a kecamatan (the highest severity of its live alerts). */
export const AlertSeverity = z.enum(["waspada", "siaga", "awas"]);
export type AlertSeverity = z.infer<typeof AlertSeverity>;
export const AlertLevel = z.enum(["normal", "waspada", "siaga", "awas"]);
export type AlertLevel = z.infer<typeof AlertLevel>;
export const SEVERITY_RANK: Record<AlertLevel, number> = { normal: 0, waspada: 1, siaga: 2, awas: 3 };

export const AlertStatus = z.enum(["open", "acknowledged", "closed"]);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** Parameters of each rule, editable by an admin (defaults in `DEFAULT_RULE_SETTINGS`). */
const minutes = z.number().int().min(1).max(60 * 24 * 30);
export const CriticalParams = z.strictObject({
  /** Reports received within this many hours count. */
  windowHours: z.number().int().min(1).max(24 * 14),
  closeAfterMinutes: minutes,
});
export const SpikeParams = z.strictObject({
  /** Days before the window that make the kecamatan × bidang's own baseline. */
  baselineDays: z.number().int().min(7).max(90),
  /** One-sided Poisson tail probability below which a window's count is a spike. */
  alpha: z.number().gt(0).max(0.1),
  /** Fewer reports than this in a window are never a spike, however quiet the baseline. */
  minCount: z.number().int().min(1).max(1000),
  closeAfterMinutes: minutes,
});
export const HotspotParams = z.strictObject({
  /** DBSCAN neighbourhood, in metres. */
  radiusM: z.number().int().min(100).max(20_000),
  /** Reports in a cluster, at least. */
  minReports: z.number().int().min(2).max(100),
  windowHours: z.number().int().min(1).max(24 * 7),
  closeAfterMinutes: minutes,
});
export const SilenceParams = z.strictObject({
  /** A kecamatan with no report of any kind for this long. */
  silentHours: z.number().int().min(6).max(24 * 30),
  closeAfterMinutes: minutes,
});

export const AlertRuleSettings = z.strictObject({
  critical: z.strictObject({ enabled: z.boolean(), params: CriticalParams }),
  spike: z.strictObject({ enabled: z.boolean(), params: SpikeParams }),
  hotspot: z.strictObject({ enabled: z.boolean(), params: HotspotParams }),
  silence: z.strictObject({ enabled: z.boolean(), params: SilenceParams }),
});
export type AlertRuleSettings = z.infer<typeof AlertRuleSettings>;

export const DEFAULT_RULE_SETTINGS: AlertRuleSettings = {
  critical: { enabled: true, params: { windowHours: 24, closeAfterMinutes: 60 } },
  spike: { enabled: true, params: { baselineDays: 28, alpha: 0.001, minCount: 3, closeAfterMinutes: 6 * 60 } },
  hotspot: { enabled: true, params: { radiusM: 2_000, minReports: 3, windowHours: 24, closeAfterMinutes: 6 * 60 } },
  silence: { enabled: true, params: { silentHours: 48, closeAfterMinutes: 60 } },
};

/** What an alert is about, in numbers (per rule: the window's count and baseline, the cluster's size …). */
export const AlertMetrics = z.record(z.string(), z.union([z.number(), z.string()]));

export const AlertView = z.strictObject({
  id: z.string(),
  number: z.string(),
  rule: AlertRule,
  severity: AlertSeverity,
  status: AlertStatus,
  title: z.string(),
  summary: z.string(),
  kecamatanKode: z.string().nullable(),
  kecamatanNama: z.string().nullable(),
  bidang: Bidang.nullable(),
  metrics: AlertMetrics,
  /** The reports behind it (ids; their details through the reports API, as the reader may see them). */
  reportIds: z.array(z.string()),
  /** A hotspot's area (GeoJSON Polygon), else null. */
  area: z.unknown().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
  /** Last time a rule run saw the condition. */
  seenAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedReason: z.enum(["condition_gone", "by_hand"]).nullable(),
  /** Why it was closed by hand, when the closer said. */
  closeNote: z.string().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertListQuery = z.strictObject({
  /** Default: the live ones (open and acknowledged). */
  status: z.enum(["live", "open", "acknowledged", "closed", "all"]).default("live"),
  rule: AlertRule.optional(),
  kecamatan: z.string().regex(/^63\.11\.\d\d$/, "not a kecamatan code").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  /** The previous answer's `page.next`: the alerts opened before the last one it listed. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z_[0-9a-f-]{36}$/, "not a cursor of this list")
    .optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertIdParams = z.object({ id: z.string().uuid("not an alert id") });
export const AcknowledgeAlertInput = z.strictObject({ note: requiredSafeText({ max: 2_000 }) });
export const CloseAlertInput = z.strictObject({ note: safeText({ max: 2_000 }).optional() });

/** Each kecamatan's alert level, from its live alerts. */
export const KecamatanAlertLevel = z.strictObject({
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  level: AlertLevel,
  liveAlerts: z.number().int().min(0),
});
export type KecamatanAlertLevel = z.infer<typeof KecamatanAlertLevel>;

/** Live: `alert:changed` to leaders, admins, the verifiers of the alert's kecamatan (and the wall). */
export const AlertChange = z.strictObject({
  kind: z.enum(["opened", "escalated", "updated", "acknowledged", "closed"]),
  alert: AlertView,
});
export type AlertChange = z.infer<typeof AlertChange>;
