import { z } from "zod";
import { AlertLevel, AlertView } from "./alerts.ts";
import { Bidang, Kerawanan, ReportStatus } from "./reports.ts";
import { requiredSafeText } from "./text.ts";

/**
 * The command-center wall screen (`/wall`, issue #16). It is read by a leader's session or by a **kiosk
 * token**: a long random secret an admin issues for one screen, revocable, good for the wall's reads only.
 * The wall sees reports only in the `WallReport` shape below: no body, no author, no photos.
 */

/** A report as the wall shows it: a dot on the map, a line in the ticker, a count in a tile. */
export const WallReport = z.strictObject({
  id: z.string(),
  number: z.string(),
  kind: z.enum(["situation", "daily", "weekly", "monthly"]),
  status: ReportStatus,
  bidang: Bidang.nullable(),
  kerawanan: Kerawanan,
  perihal: z.string(),
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  desaNama: z.string().nullable(),
  /** [lon, lat] of the report's point. */
  point: z.tuple([z.number(), z.number()]),
  receivedAt: z.string(),
});
export type WallReport = z.infer<typeof WallReport>;

/** One report change for the wall: its seq in the change log, so a wall resumes from its last seq. */
export const WallReportChange = z.strictObject({
  seq: z.number().int().min(1),
  kind: z.string(),
  at: z.string(),
  /** Null when the report is gone. A rahasia report is shown with its perihal masked (wall-report.ts). */
  report: WallReport.nullable(),
});
export type WallReportChange = z.infer<typeof WallReportChange>;

export const CountsBy = z.strictObject({
  kerawanan: z.record(Kerawanan, z.number().int().min(0)),
  status: z.record(ReportStatus, z.number().int().min(0)),
  total: z.number().int().min(0),
});
export type CountsBy = z.infer<typeof CountsBy>;

/** A tile per kecamatan. */
export const WallKecamatanTile = z.strictObject({
  kecamatanKode: z.string(),
  kecamatanNama: z.string(),
  level: AlertLevel,
  reportsToday: z.number().int().min(0),
  openAlerts: z.number().int().min(0),
  /** Periodic reports owed today by the kecamatan's officers (duties), and those received. */
  owedToday: z.number().int().min(0),
  receivedToday: z.number().int().min(0),
});
export type WallKecamatanTile = z.infer<typeof WallKecamatanTile>;

/** Everything the wall draws, as of `seq`: it then follows `wall:report` live, or `GET /api/wall/changes`. */
export const WallSnapshot = z.strictObject({
  /** The change-log seq this snapshot is as of. */
  seq: z.number().int().min(0),
  generatedAt: z.string(),
  /** The WITA day "today" is. */
  today: z.string(),
  /** The build of the front end the server serves now: a wall running an older one reloads itself. */
  build: z.string(),
  tiles: z.array(WallKecamatanTile),
  counters: z.strictObject({ today: CountsBy, week: CountsBy }),
  /** Reports per WITA day for the last 30 days (oldest first), by kerawanan. */
  trend: z.array(z.strictObject({ day: z.string(), total: z.number().int().min(0), kerawanan: z.record(Kerawanan, z.number().int().min(0)) })),
  /** Latest verified or published reports, newest first (at most 20). */
  ticker: z.array(WallReport),
  /** Reports received in the last 24 h, newest first (at most 500): the dots on the map. */
  recent: z.array(WallReport),
  /** Live alerts (open and acknowledged). */
  alerts: z.array(AlertView),
  /** Wall settings: seconds per rotating panel, and whether new alerts sound. */
  settings: z.strictObject({ rotateSeconds: z.number().int().min(5).max(600), sound: z.boolean() }),
});
export type WallSnapshot = z.infer<typeof WallSnapshot>;

export const WallChangesQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** Kiosk tokens, as an admin lists them: never the secret itself (it is shown once, at issue). */
export const KioskTokenView = z.strictObject({
  id: z.string(),
  label: z.string(),
  /** The secret's first characters, to tell screens apart. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type KioskTokenView = z.infer<typeof KioskTokenView>;

export const IssueKioskTokenInput = z.strictObject({ label: requiredSafeText({ max: 120 }) });
/** The secret, once: the admin puts `/wall#kiosk=<token>` on the screen. */
export const IssuedKioskToken = z.strictObject({ token: z.string(), kiosk: KioskTokenView });
export const KioskTokenParams = z.object({ id: z.string().uuid("not a kiosk token id") });

/** The wall's events on the main namespace (room `wall`: leaders' sockets and kiosk sockets). */
export interface WallServerEvents {
  "wall:report": (change: WallReportChange) => void;
}

/** The wall's settings as `GET/PUT /api/wall/settings` carry them (the snapshot's `settings`). */
export const WallSettings = WallSnapshot.shape.settings;
export type WallSettings = z.infer<typeof WallSettings>;
export const DEFAULT_WALL_SETTINGS: WallSettings = { rotateSeconds: 20, sound: false };
