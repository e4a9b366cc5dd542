import { batch, computed, signal } from "@preact/signals";
import type { AlertChange } from "@contract/alerts.ts";
import type { PublicConfig } from "@contract/config.ts";
import type { WallReport, WallReportChange, WallSnapshot } from "@contract/wall.ts";
import type { KecamatanCollection } from "../map/map-data.model.ts";
import { applyAlert, applyReportChanges, knownOfSnapshot, stateOfSnapshot, type KnownReport, type WallState } from "./wall-apply.ts";

const PUBLISH_MS = 250;

/** Who may see the wall, as the server last answered. */
export type WallAccess = "loading" | "ok" | "revoked" | "login" | "forbidden";

/** The socket as the connection indicator tells it; `since` is when it last stopped being online. */
export type WallConnection = { state: "connecting" | "online" | "reconnecting" | "offline"; since: number | null };

/** Who draws new reports on the map (the dot layer), told once per applied batch. */
export type ArrivalListener = (reports: readonly WallReport[], replaced: readonly WallReport[] | null) => void;

/**
 * The wall's state as signals: the drawn data (one signal, patched per animation frame), the map's base
 * data, access and connection. Actions only; fetching and the socket live in wall-sync.ts.
 */
export function createWallModel() {
  const state = signal<WallState | null>(null);
  const settings = signal<WallSnapshot["settings"]>({ rotateSeconds: 20, sound: false });
  const config = signal<PublicConfig | null>(null);
  const kecamatan = signal<KecamatanCollection | null>(null);
  const access = signal<WallAccess>("loading");
  const connection = signal<WallConnection>({ state: "connecting", since: null });
  /** Bumped when an alert opens or escalates: the panel flashes it, the speaker beeps. */
  const alarm = signal<{ id: string; severity: AlertChange["alert"]["severity"]; at: number } | null>(null);
  let known = new Map<string, KnownReport>();
  /** Each panel reads its own part: a part that did not change (same object) does not re-render it. */
  const part = <K extends keyof WallState>(key: K) => computed(() => state.value?.[key] ?? null);
  const parts = {
    ready: computed(() => state.value !== null),
    tiles: part("tiles"),
    counters: part("counters"),
    trend: part("trend"),
    ticker: part("ticker"),
    incoming: part("incoming"),
    alerts: part("alerts"),
  };
  const listeners = new Set<ArrivalListener>();
  /**
   * The state as of the last applied change. Published to the panels at most every PUBLISH_MS: at 100
   * reports a second the figures would change every frame, faster than anyone reads them, and each change
   * re-renders panels. The dots and pulses on the map follow every frame (listeners).
   */
  let latest: WallState | null = null;
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  const publishNow = () => {
    if (publishTimer) clearTimeout(publishTimer);
    publishTimer = null;
    state.value = latest;
  };
  const publishSoon = () => {
    publishTimer ??= setTimeout(publishNow, PUBLISH_MS);
  };

  return {
    state,
    parts,
    settings,
    config,
    kecamatan,
    access,
    connection,
    alarm,

    onArrivals(fn: ArrivalListener): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    applySnapshot(s: WallSnapshot) {
      known = knownOfSnapshot(s, known);
      latest = stateOfSnapshot(s, latest);
      batch(() => {
        publishNow();
        settings.value = s.settings;
        access.value = "ok";
      });
      for (const fn of listeners) fn([], s.recent);
    },

    /** One animation frame's worth of report changes, ascending by seq. */
    applyReportChanges(changes: readonly WallReportChange[]) {
      if (!latest || !changes.length) return;
      const { state: next, arrived } = applyReportChanges(latest, known, changes);
      if (next !== latest) {
        latest = next;
        publishSoon();
      }
      for (const fn of listeners) fn(arrived, null);
    },

    applyAlertChange(change: AlertChange) {
      if (!latest) return;
      latest = applyAlert(latest, change.alert);
      publishNow();
      if (change.kind === "opened" || change.kind === "escalated") alarm.value = { id: change.alert.id, severity: change.alert.severity, at: Date.now() };
    },
  };
}

export type WallModel = ReturnType<typeof createWallModel>;
