import { computed, createModel, signal } from "@preact/signals";
import type { AlertChange, AlertRuleSettings, AlertSeverity, AlertView, KecamatanAlertLevel } from "@contract/alerts.ts";
import type { ReportDetail } from "@contract/report-detail.ts";
import type { Http } from "@kit/http.ts";
import { applyAlert, evidenceToLoad, inScope, isAlarming, isNewer, sortAlerts, type AlertScope } from "./alert-list.ts";
import type { ConnectAlertSocket } from "./alert-socket.ts";

export type AlertsConnection = "idle" | "connecting" | "live" | "offline";

/** The live list is short (a handful of alerts); the server's most in one answer covers it. */
export const LIVE_LIMIT = 200;
/** History comes in pages of this many, each "show more" reading the next with the server's cursor. */
export const HISTORY_STEP = 50;
/** How long an alert that just opened or escalated stays marked in the list. */
export const CUE_MS = 15_000;

/** An evidence report as read for the map and the list: its detail, or that it could not be read. */
export type Evidence = { ok: true; report: ReportDetail } | { ok: false; error: unknown };

/** A news item that caught the eye: what the page announces (and may beep for). */
export interface Alarm {
  kind: "opened" | "escalated";
  alert: AlertView;
}

export interface AlertsModelOptions {
  /** Plays the alarm when sound is on (WebAudio in the page; a recorder in tests). */
  sound?: (severity: AlertSeverity) => void;
  /** Runs `fn` after `ms` (setTimeout in the page; tests pass a manual one). */
  later?: (ms: number, fn: () => void) => void;
}

/** Whether `a` comes after `b` in the server's history order (opened later first; on a tie, the greater id first). */
function openedBefore(a: AlertView, b: AlertView): boolean {
  const at = Date.parse(a.openedAt) - Date.parse(b.openedAt);
  return at < 0 || (at === 0 && a.id < b.id);
}

/**
 * Early warning for leaders, admins and verifiers: the alerts (live, or history), each kecamatan's alert
 * level, the selected alert with its evidence reports, and the admin's rule settings. `alert:changed`
 * patches the list as it comes; the events are not in the change log, so every (re)connect reads the
 * list again. News is never taken backwards (alert-list.ts `isNewer`).
 */
export const AlertsModel = createModel((http: Http, connect: ConnectAlertSocket, options: AlertsModelOptions = {}) => {
  const later = options.later ?? ((ms, fn) => void setTimeout(fn, ms));
  const scope = signal<AlertScope>("live");
  const alerts = signal<readonly AlertView[]>([]);
  const limit = signal(LIVE_LIMIT);
  /** The cursor of the history's next page; null when the last page read was the last. */
  const next = signal<string | null>(null);
  const levels = signal<readonly KecamatanAlertLevel[]>([]);
  const loading = signal(false);
  const error = signal<unknown>(null);
  const connection = signal<AlertsConnection>("idle");
  const selected = signal<AlertView | null>(null);
  const evidence = signal<ReadonlyMap<string, Evidence>>(new Map());
  /** Alerts that just opened or escalated, marked in the list for `CUE_MS`. */
  const fresh = signal<ReadonlySet<string>>(new Set());
  const lastAlarm = signal<Alarm | null>(null);
  const sound = signal(false);
  const rules = signal<AlertRuleSettings | null>(null);
  /** The server said there are older ones. */
  const hasMore = computed(() => scope.value !== "live" && next.value !== null);
  /** Hotspot areas of the alerts in the list (and of the selected one, wherever it is). */
  const areas = computed(() => {
    const withArea = alerts.value.filter((a) => a.area);
    const sel = selected.value;
    return sel?.area && !withArea.some((a) => a.id === sel.id) ? [...withArea, sel] : withArea;
  });

  let listRequest = 0;
  let disconnect: (() => void) | null = null;

  /**
   * The first page again (every connect). Older pages already read stay: a reconnect must not fold a
   * leader's history back to its first page.
   */
  async function loadList() {
    const mine = ++listRequest;
    const { data, page } = await http.call("GET /api/alerts", { query: { status: scope.value, limit: limit.value } });
    if (mine !== listRequest) return;
    // What the socket brought while the answer was on its way is kept if it is newer.
    const known = new Map(alerts.value.map((a) => [a.id, a]));
    const first = data.map((a) => (known.has(a.id) && !isNewer(a, known.get(a.id)!) ? known.get(a.id)! : a));
    const oldest = data[data.length - 1];
    const listed = new Set(data.map((a) => a.id));
    const older = scope.value === "live" || !oldest || !page.next ? [] : alerts.value.filter((a) => !listed.has(a.id) && openedBefore(a, oldest));
    alerts.value = sortAlerts([...first, ...older]);
    if (!older.length) next.value = page.next;
    const sel = selected.value;
    const again = sel && alerts.value.find((a) => a.id === sel.id);
    if (again) showSelected(again);
  }

  let levelsBusy = false;
  let levelsAgain = false;
  /** Levels follow every change; calls that arrive while one is on its way make one more, not many. */
  async function loadLevels(): Promise<void> {
    if (levelsBusy) return void (levelsAgain = true);
    levelsBusy = true;
    try {
      levels.value = (await http.call("GET /api/alerts/levels", {})).data;
    } catch (err) {
      error.value = err;
    } finally {
      levelsBusy = false;
      if (levelsAgain) {
        levelsAgain = false;
        void loadLevels();
      }
    }
  }

  /** The list and the levels again; a failure is kept for the page's banner. */
  async function refresh() {
    loading.value = true;
    try {
      await Promise.all([loadList(), loadLevels()]);
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  let evidenceFor: string | null = null;
  /** Read the selected alert's evidence reports the map shows (the newest few), in parallel. */
  async function loadEvidence(alert: AlertView) {
    if (evidenceFor !== alert.id) {
      evidenceFor = alert.id;
      evidence.value = new Map();
    }
    const missing = evidenceToLoad(alert.reportIds).ids.filter((id) => !evidence.value.has(id));
    if (!missing.length) return;
    const answers = await Promise.allSettled(missing.map((id) => http.call("GET /api/reports/:id", { params: { id } })));
    if (evidenceFor !== alert.id) return;
    const next = new Map(evidence.value);
    answers.forEach((a, i) => next.set(missing[i]!, a.status === "fulfilled" ? { ok: true, report: a.value.data } : { ok: false, error: a.reason }));
    evidence.value = next;
  }

  function showSelected(alert: AlertView) {
    const current = selected.value;
    if (current && current.id === alert.id && !isNewer(alert, current)) return;
    selected.value = alert;
    void loadEvidence(alert);
  }

  /** Select an alert (null: none); one outside the list (an old link) is read from the server. */
  async function select(id: string | null) {
    if (!id) {
      selected.value = null;
      evidenceFor = null;
      evidence.value = new Map();
      return;
    }
    if (selected.value?.id === id) return;
    const inList = alerts.value.find((a) => a.id === id);
    if (inList) return showSelected(inList);
    selected.value = null;
    try {
      showSelected((await http.call("GET /api/alerts/:id", { params: { id } })).data);
    } catch (err) {
      error.value = err;
    }
  }

  /** An alert's news, from the socket or from this page's own acknowledgement. */
  function apply(change: AlertChange) {
    alerts.value = applyAlert(alerts.value, change.alert, scope.value);
    if (selected.value?.id === change.alert.id) showSelected(change.alert);
    if (isAlarming(change) && inScope(change.alert, "live")) {
      const id = change.alert.id;
      fresh.value = new Set(fresh.value).add(id);
      later(CUE_MS, () => {
        const next = new Set(fresh.value);
        next.delete(id);
        fresh.value = next;
      });
      lastAlarm.value = { kind: change.kind as Alarm["kind"], alert: change.alert };
      if (sound.value) options.sound?.(change.alert.severity);
    }
    void loadLevels();
  }

  async function acknowledge(id: string, note: string): Promise<AlertView> {
    const { data } = await http.call("POST /api/alerts/:id/acknowledge", { params: { id }, body: { note } });
    apply({ kind: "acknowledged", alert: data });
    return data;
  }

  async function close(id: string, note?: string): Promise<AlertView> {
    const { data } = await http.call("POST /api/alerts/:id/close", { params: { id }, body: note ? { note } : {} });
    apply({ kind: "closed", alert: data });
    return data;
  }

  /** Live, closed or every alert; a new scope starts from the first page (read now if following). */
  async function setScope(wanted: AlertScope) {
    if (scope.value === wanted) return;
    scope.value = wanted;
    limit.value = wanted === "live" ? LIVE_LIMIT : HISTORY_STEP;
    alerts.value = [];
    next.value = null;
    if (disconnect) await refresh();
  }

  /** The next page of the history, added below what is listed. */
  async function more() {
    const cursor = next.value;
    if (!cursor || scope.value === "live") return;
    const mine = listRequest;
    loading.value = true;
    try {
      const { data, page } = await http.call("GET /api/alerts", { query: { status: scope.value, limit: HISTORY_STEP, cursor } });
      // A scope change or a reload meanwhile has its own first page: this one no longer follows it.
      if (mine !== listRequest) return;
      const listed = new Set(alerts.value.map((a) => a.id));
      alerts.value = sortAlerts([...alerts.value, ...data.filter((a) => !listed.has(a.id))]);
      next.value = page.next;
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  async function loadRules() {
    rules.value = (await http.call("GET /api/alerts/rules", {})).data;
  }

  async function saveRules(settings: AlertRuleSettings): Promise<AlertRuleSettings> {
    rules.value = (await http.call("PUT /api/alerts/rules", { body: settings })).data;
    return rules.value;
  }

  /** Every rule run now; the changes come over the socket, and the list is read again in case it is down. */
  async function evaluate(): Promise<number> {
    const { data } = await http.call("POST /api/alerts/evaluate", {});
    await refresh();
    return data.changed;
  }

  function start() {
    if (disconnect) return refresh();
    connection.value = "connecting";
    disconnect = connect({
      // What happened while away was not sent again: read it.
      connected: () => {
        connection.value = "live";
        void refresh();
      },
      disconnected: () => {
        if (disconnect) connection.value = "offline";
      },
      change: apply,
    });
    return refresh();
  }

  function stop() {
    const close = disconnect;
    disconnect = null;
    close?.();
    connection.value = "idle";
  }

  return {
    scope,
    alerts,
    limit,
    hasMore,
    levels,
    loading,
    error,
    connection,
    selected,
    evidence,
    areas,
    fresh,
    lastAlarm,
    sound,
    rules,
    start,
    stop,
    refresh,
    select,
    apply,
    acknowledge,
    close,
    setScope,
    more,
    loadRules,
    saveRules,
    evaluate,
  };
});

export type Alerts = InstanceType<typeof AlertsModel>;
