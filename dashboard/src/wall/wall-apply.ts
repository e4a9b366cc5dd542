import type { AlertLevel, AlertView } from "@contract/alerts.ts";
import { periodOf, witaDay } from "@contract/periods.ts";
import type { Kerawanan, ReportStatus } from "@contract/reports.ts";
import type { CountsBy, WallKecamatanTile, WallReport, WallReportChange, WallSnapshot } from "@contract/wall.ts";

/**
 * What the wall draws, as plain data, and how a report change moves it. Pure, so the counting rules are
 * tested beside this file without a browser. The snapshot is the truth as of its `seq`; changes after it
 * patch it until the next snapshot (every minute) replaces it again, which also mends any drift.
 */
export interface WallState {
  snapshotSeq: number;
  today: string;
  week: string;
  tiles: WallKecamatanTile[];
  counters: { today: CountsBy; week: CountsBy };
  trend: WallSnapshot["trend"];
  ticker: WallReport[];
  /** Latest received reports, newest first. */
  incoming: WallReport[];
  alerts: AlertView[];
}

/** Just enough of a report to move the counters when it changes, without keeping the report itself. */
export interface KnownReport {
  status: ReportStatus;
  kerawanan: Kerawanan;
  kode: string;
  day: string;
  week: string;
}

export const TICKER_MAX = 20;
export const INCOMING_MAX = 20;
/** Reports remembered for counting: at 100 reports/s, the last 10 s; older ones wait for the next snapshot. */
export const KNOWN_MAX = 1_000;

const TICKER_STATUSES: ReadonlySet<ReportStatus> = new Set(["verified", "published"]);
/** The change-log kinds that can make a report verified or published: news for the ticker's head. */
const TICKER_NEWS: ReadonlySet<string> = new Set(["status_changed", "published"]);
const RANK: Record<AlertLevel, number> = { normal: 0, waspada: 1, siaga: 2, awas: 3 };

export function knownOf(r: WallReport): KnownReport {
  const day = witaDay(new Date(r.receivedAt));
  return { status: r.status, kerawanan: r.kerawanan, kode: r.kecamatanKode, day, week: periodOf("week", day) };
}

/**
 * The state a snapshot describes. `previous` (the state it replaces) lends the reports received after
 * the snapshot's reads (newer than its newest), which the wall already shows and no change will bring again.
 */
export function stateOfSnapshot(s: WallSnapshot, previous?: WallState | null): WallState {
  const newest = s.recent.reduce((m, r) => (r.receivedAt > m ? r.receivedAt : m), "");
  const listed = new Set(s.recent.map((r) => r.id));
  const newer = (previous?.incoming ?? []).filter((r) => r.receivedAt > newest && !listed.has(r.id));
  return {
    snapshotSeq: s.seq,
    today: s.today,
    week: periodOf("week", s.today),
    tiles: s.tiles,
    counters: s.counters,
    trend: s.trend,
    ticker: s.ticker.slice(0, TICKER_MAX),
    incoming: [...newer, ...s.recent].slice(0, INCOMING_MAX),
    alerts: s.alerts,
  };
}

/**
 * The reports a snapshot already counts, remembered so a change it already holds is not counted twice.
 * What the wall knew before stays known too: a report that arrived live after the snapshot's reads is
 * not in its lists, and the change log brings it again after the snapshot's seq — it must not be drawn
 * or counted a second time. (If the snapshot's counters missed it, the next snapshot counts it.)
 */
export function knownOfSnapshot(s: WallSnapshot, previous?: ReadonlyMap<string, KnownReport>): Map<string, KnownReport> {
  const known = new Map<string, KnownReport>(previous ?? []);
  for (const r of [...s.recent].reverse()) remember(known, r.id, knownOf(r));
  for (const r of s.ticker) if (!known.has(r.id)) remember(known, r.id, knownOf(r));
  return known;
}

/** The outcome of one batch: the new state, and the reports that arrived new (to pulse on the map). */
export interface Applied {
  state: WallState;
  arrived: WallReport[];
}

/**
 * Apply changes (ascending seq, each once: the change feed sees to that). A change the snapshot already
 * holds is skipped by seq; a "created" of a report already known is not counted again (the snapshot's
 * reads may run a little past its seq); a later change of a known report moves its counts from the old
 * status or kerawanan to the new. A change of a report not known is remembered but not counted: its
 * earlier state is unknown, and the next snapshot counts it right.
 */
export function applyReportChanges(state: WallState, known: Map<string, KnownReport>, changes: readonly WallReportChange[]): Applied {
  let next = state;
  const arrived: WallReport[] = [];
  const counters = { today: cloneCounts(state.counters.today), week: cloneCounts(state.counters.week) };
  let countersChanged = false;
  const tileDelta = new Map<string, number>();
  let trendDelta: Partial<Record<Kerawanan, number>> = {};
  let ticker = state.ticker;
  let incoming = state.incoming;

  const count = (k: KnownReport, sign: 1 | -1) => {
    if (k.week === state.week) {
      bump(counters.week, k, sign);
      countersChanged = true;
    }
    if (k.day !== state.today) return;
    bump(counters.today, k, sign);
    tileDelta.set(k.kode, (tileDelta.get(k.kode) ?? 0) + sign);
    trendDelta = { ...trendDelta, [k.kerawanan]: (trendDelta[k.kerawanan] ?? 0) + sign };
  };

  for (const change of changes) {
    if (change.seq <= state.snapshotSeq) continue;
    const report = change.report;
    if (!report) continue; // no longer one the wall shows: the next snapshot drops it from the counts
    const before = known.get(report.id);
    const now = knownOf(report);
    if (!before) {
      if (change.kind === "created") {
        count(now, 1);
        arrived.push(report);
        incoming = [report, ...incoming.filter((r) => r.id !== report.id)].slice(0, INCOMING_MAX);
      }
    } else if (before.status !== now.status || before.kerawanan !== now.kerawanan) {
      count(before, -1);
      count(now, 1);
    }
    remember(known, report.id, now);
    // The ticker is ordered by verification (as the snapshot is): a report goes to its head when it is
    // verified or published, and any other change of a listed one (a photo, a merge) leaves it in place.
    if (!TICKER_STATUSES.has(report.status)) {
      if (ticker.some((r) => r.id === report.id)) ticker = ticker.filter((r) => r.id !== report.id);
    } else if (TICKER_NEWS.has(change.kind)) ticker = [report, ...ticker.filter((r) => r.id !== report.id)].slice(0, TICKER_MAX);
    else if (ticker.some((r) => r.id === report.id)) ticker = ticker.map((r) => (r.id === report.id ? report : r));
    if (incoming.some((r) => r.id === report.id)) incoming = incoming.map((r) => (r.id === report.id ? report : r));
  }

  if (countersChanged || ticker !== state.ticker || incoming !== state.incoming) {
    next = { ...state, ticker, incoming };
    if (countersChanged) next.counters = counters;
    if (tileDelta.size) next.tiles = state.tiles.map((t) => (tileDelta.has(t.kecamatanKode) ? { ...t, reportsToday: Math.max(0, t.reportsToday + tileDelta.get(t.kecamatanKode)!) } : t));
    if (Object.keys(trendDelta).length) next.trend = addToLastDay(state.trend, state.today, trendDelta);
  }
  return { state: next, arrived };
}

/** An alert opened, changed or closed: the live list, and each kecamatan's level and count from it. */
export function applyAlert(state: WallState, alert: AlertView): WallState {
  const live = alert.status !== "closed";
  const rest = state.alerts.filter((a) => a.id !== alert.id);
  const alerts = live ? [alert, ...rest] : rest;
  return { ...state, alerts, tiles: tilesWithAlerts(state.tiles, alerts) };
}

/** Level: the highest severity of the kecamatan's live alerts; count: its alerts still open. */
export function tilesWithAlerts(tiles: WallKecamatanTile[], alerts: readonly AlertView[]): WallKecamatanTile[] {
  return tiles.map((t) => {
    const mine = alerts.filter((a) => a.kecamatanKode === t.kecamatanKode);
    const level = mine.reduce<AlertLevel>((lvl, a) => (RANK[a.severity] > RANK[lvl] ? a.severity : lvl), "normal");
    return { ...t, level, openAlerts: mine.length };
  });
}

function remember(known: Map<string, KnownReport>, id: string, k: KnownReport) {
  known.delete(id); // re-inserted last: the map's order is the order of last sight
  known.set(id, k);
  if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!);
}

function cloneCounts(c: CountsBy): CountsBy {
  return { kerawanan: { ...c.kerawanan }, status: { ...c.status }, total: c.total };
}

function bump(c: CountsBy, k: KnownReport, sign: 1 | -1) {
  c.kerawanan[k.kerawanan] = Math.max(0, (c.kerawanan[k.kerawanan] ?? 0) + sign);
  c.status[k.status] = Math.max(0, (c.status[k.status] ?? 0) + sign);
  c.total = Math.max(0, c.total + sign);
}

function addToLastDay(trend: WallSnapshot["trend"], today: string, delta: Partial<Record<Kerawanan, number>>): WallSnapshot["trend"] {
  const last = trend[trend.length - 1];
  if (!last || last.day !== today) return trend;
  const kerawanan = { ...last.kerawanan };
  let total = last.total;
  for (const [k, d] of Object.entries(delta) as [Kerawanan, number][]) {
    kerawanan[k] = Math.max(0, (kerawanan[k] ?? 0) + d);
    total = Math.max(0, total + d);
  }
  return [...trend.slice(0, -1), { ...last, total, kerawanan }];
}
