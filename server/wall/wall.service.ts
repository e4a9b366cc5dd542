import type { Sequelize } from "sequelize";
import type { KecamatanAlertLevel } from "@contract/alerts.ts";
import { addDays, periodOf, periodStart, witaDay, witaInstant } from "@contract/periods.ts";
import { DEFAULT_WALL_SETTINGS, WallSettings, type WallReportChange, type WallSnapshot } from "@contract/wall.ts";
import type { AuditService } from "../audit/audit.service.ts";
import type { Actor } from "../auth/permissions.ts";
import type { Clock } from "../core/clock.ts";
import type { RequestContext } from "../core/request-context.ts";
import {
  getCounts,
  getDailyCounts,
  getDutiesDue,
  getRecentReports,
  getReportChanges,
  getReportsByKecamatan,
  getTickerReports,
  getWallSettingsRow,
  putWallSettingsRow,
} from "./wall.repo.ts";
import { countsBy, presentWallChange, presentWallReport, zeroByKerawanan } from "./wall.present.ts";
import { wallAlerts } from "./wall-alerts.ts";
import { frontEndBuild } from "./build-id.ts";

/** Days of the trend, today included. */
export const TREND_DAYS = 30;
export const TICKER_SIZE = 20;
export const RECENT_HOURS = 24;
export const RECENT_MAX = 500;
/** A deadline lies at most this many days after its period began (duty-rules.ts: ~36, shifted ≤ 60). */
const DUTY_DEADLINE_REACH_DAYS = 100;

export interface WallServiceDeps {
  db: Sequelize;
  clock: Clock;
  audit: AuditService;
  /** The change log's newest seq (changes service). */
  lastSeq: () => Promise<number>;
  /** Each kecamatan's alert level and live alerts (alerts service). */
  levels: () => Promise<KecamatanAlertLevel[]>;
  /** The built front ends (dist/ by default): the build id is read from it once, at startup (build-id.ts). */
  distDir?: string;
}

/**
 * The command-center wall: one snapshot of everything it draws, then the report changes after the
 * snapshot's seq (live as `wall:report`, or from `changes` after a cut). Kabupaten-wide, with no reader
 * scope: only leaders, admins and kiosk tokens read it, and reports reach it in the WallReport shape only.
 */
export function createWallService(deps: WallServiceDeps) {
  const { db, clock } = deps;
  const build = frontEndBuild(deps.distDir);
  const liveAlerts = wallAlerts(db);

  async function settings(): Promise<WallSettings> {
    const row = await getWallSettingsRow(db);
    const parsed = WallSettings.safeParse(row ? { rotateSeconds: row.rotate_seconds, sound: row.sound } : null);
    return parsed.success ? parsed.data : DEFAULT_WALL_SETTINGS;
  }

  return {
    settings,

    async putSettings(actor: Actor, input: WallSettings, ctx: RequestContext | null = null): Promise<WallSettings> {
      await putWallSettingsRow(db, { ...input, by: actor.id, now: clock.now() });
      await deps.audit.record(ctx, "wall.settings_changed", { actorId: actor.id, targetType: "wall_settings", targetId: null, details: input });
      return settings();
    },

    /**
     * Everything the wall draws. The seq is read FIRST: every change after it is in the feed the wall
     * follows next, so none falls between the snapshot and the live stream (one that lands during the reads
     * may show in both, which the wall applies idempotently by report id).
     */
    async snapshot(): Promise<WallSnapshot> {
      const seq = await deps.lastSeq();
      const now = clock.now();
      const today = witaDay(now);
      const dayStart = witaInstant(today);
      const dayEnd = witaInstant(addDays(today, 1));
      const weekStart = witaInstant(periodStart("week", periodOf("week", today)));
      const trendFrom = addDays(today, -(TREND_DAYS - 1));
      const [levels, alerts, reportsToday, duties, counts, daily, ticker, recent, wallSettings] = await Promise.all([
        deps.levels(),
        liveAlerts(),
        getReportsByKecamatan(db, { from: dayStart, to: dayEnd }),
        getDutiesDue(db, { dayStart, dayEnd, periodFloor: addDays(today, -DUTY_DEADLINE_REACH_DAYS) }),
        getCounts(db, { from: weekStart, to: dayEnd }, dayStart),
        getDailyCounts(db, { from: witaInstant(trendFrom), to: dayEnd }),
        getTickerReports(db, now, TICKER_SIZE),
        getRecentReports(db, { from: new Date(now.getTime() - RECENT_HOURS * 3_600_000), to: now }, RECENT_MAX),
        settings(),
      ]);
      const todayBy = new Map(reportsToday.map((r) => [r.kecamatan_kode, r.n]));
      const dutyBy = new Map(duties.map((d) => [d.kecamatan_kode, d]));
      return {
        seq,
        generatedAt: now.toISOString(),
        today,
        build,
        tiles: levels.map((k) => ({
          kecamatanKode: k.kecamatanKode,
          kecamatanNama: k.kecamatanNama,
          level: k.level,
          reportsToday: todayBy.get(k.kecamatanKode) ?? 0,
          openAlerts: k.liveAlerts,
          owedToday: dutyBy.get(k.kecamatanKode)?.owed ?? 0,
          receivedToday: dutyBy.get(k.kecamatanKode)?.received ?? 0,
        })),
        counters: {
          today: countsBy(counts.map((c) => ({ kerawanan: c.kerawanan, status: c.status, n: c.today }))),
          week: countsBy(counts.map((c) => ({ kerawanan: c.kerawanan, status: c.status, n: c.week }))),
        },
        trend: trendOf(trendFrom, daily),
        ticker: ticker.map(presentWallReport),
        recent: recent.map(presentWallReport),
        alerts,
        settings: wallSettings,
      };
    },

    /** Report changes after `after`, oldest first, each with the report as the wall shows it now. */
    async changes(after: number, limit: number): Promise<{ changes: WallReportChange[]; lastSeq: number; more: boolean }> {
      const rows = await getReportChanges(db, after, limit);
      return { changes: rows.map(presentWallChange), lastSeq: rows.at(-1)?.seq ?? after, more: rows.length === limit };
    },
  };
}

/** One entry per day from `from` for TREND_DAYS days, zeros included. */
function trendOf(from: string, cells: { day: string; kerawanan: keyof ReturnType<typeof zeroByKerawanan>; n: number }[]): WallSnapshot["trend"] {
  const days = Array.from({ length: TREND_DAYS }, (_, i) => ({ day: addDays(from, i), total: 0, kerawanan: zeroByKerawanan() }));
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const c of cells) {
    const d = byDay.get(c.day);
    if (!d) continue;
    d.kerawanan[c.kerawanan] += c.n;
    d.total += c.n;
  }
  return days;
}

export type WallService = ReturnType<typeof createWallService>;
