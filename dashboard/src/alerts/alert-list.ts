import { SEVERITY_RANK, type AlertChange, type AlertStatus, type AlertView } from "@contract/alerts.ts";

/** Which alerts a list holds: the live ones (open and acknowledged), the closed ones, or all. */
export type AlertScope = "live" | "closed" | "all";

/** Whether an alert in this state belongs in a list of that scope. */
export function inScope(alert: AlertView, scope: AlertScope): boolean {
  if (scope === "all") return true;
  return scope === "closed" ? alert.status === "closed" : alert.status !== "closed";
}

/** What still needs a decision comes first: open (not yet acknowledged), then acknowledged, then closed. */
const STATUS_ORDER: Record<AlertStatus, number> = { open: 0, acknowledged: 1, closed: 2 };

/**
 * The order a leader reads alerts in: those still waiting for a decision first, within them the most
 * severe, then the newest. The id settles ties, so the order never flickers between two renders.
 */
export function compareAlerts(a: AlertView, b: AlertView): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    Date.parse(b.openedAt) - Date.parse(a.openedAt) ||
    a.id.localeCompare(b.id)
  );
}

export const sortAlerts = (alerts: readonly AlertView[]): AlertView[] => [...alerts].sort(compareAlerts);

/**
 * Whether `incoming` is at least as recent as `known` (the socket and an HTTP answer may bring the same
 * alert in either order). `updatedAt` orders them; on a tie the further state wins (an acknowledgement
 * and a rule run may share a timestamp), so news is never taken backwards.
 */
export function isNewer(incoming: AlertView, known: AlertView): boolean {
  const a = Date.parse(incoming.updatedAt);
  const b = Date.parse(known.updatedAt);
  if (a !== b) return a > b;
  return STATUS_ORDER[incoming.status] >= STATUS_ORDER[known.status];
}

/**
 * A list after one alert's news: replaced or added while it belongs to the list's scope, removed once it
 * no longer does (a closed alert leaves the live list), left alone when the news is older than what the
 * list holds. Returns the same array when nothing changed, so a signal holding it does not notify.
 */
export function applyAlert(list: readonly AlertView[], alert: AlertView, scope: AlertScope): readonly AlertView[] {
  const at = list.findIndex((a) => a.id === alert.id);
  const known = at >= 0 ? list[at]! : null;
  if (known && !isNewer(alert, known)) return list;
  if (!inScope(alert, scope)) return known ? list.filter((a) => a.id !== alert.id) : list;
  const next = known ? list.map((a, i) => (i === at ? alert : a)) : [...list, alert];
  return sortAlerts(next);
}

/** `alert:changed` applied to a list (see `applyAlert`). */
export const applyAlertChange = (list: readonly AlertView[], change: AlertChange, scope: AlertScope) => applyAlert(list, change.alert, scope);

/** News that should catch the eye (and ear): an alert that opened or grew more severe. */
export const isAlarming = (change: AlertChange) => change.kind === "opened" || change.kind === "escalated";

/** Evidence reports read for the map, at most: the newest ones (the server lists them oldest first). */
export const EVIDENCE_ON_MAP = 30;

/** The evidence ids the map reads: the newest `EVIDENCE_ON_MAP`, and how many are left out. */
export function evidenceToLoad(reportIds: readonly string[], max = EVIDENCE_ON_MAP): { ids: string[]; leftOut: number } {
  const ids = reportIds.slice(-max);
  return { ids, leftOut: reportIds.length - ids.length };
}
