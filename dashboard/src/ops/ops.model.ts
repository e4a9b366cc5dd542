import { computed, createModel, signal } from "@preact/signals";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ChangeStatusInput, ReportView } from "@contract/reports.ts";
import { matchesReportFilter, type ReportCounts, type ReportFilterInput } from "@contract/report-queue.ts";
import type { IncidentChange, IncidentView } from "@contract/incidents.ts";
import type { Http } from "@kit/http.ts";
import { createChangeFeed, type ChangeFeed, type ChangesPage } from "./change-feed.ts";
import type { QueueClaim } from "@contract/claims.ts";
import { applyClaimNotice, createClaimOrder, holderOfRefusal, type ClaimMap } from "./claims.ts";
import { parsedFilter, SITUATION_KINDS } from "./queue-filter.ts";
import type { ConnectReportSocket } from "./report-socket.ts";

export type OpsConnection = "idle" | "connecting" | "live" | "offline";

/** Enough for a shift's worth of reports on one screen; older ones stay in the archive views. */
export const OPS_MAX_REPORTS = 500;
const LIST_LIMIT = 100;
const PAGE_LIMIT = 500;

/** Newest first by arrival; a stale copy (lower version) never replaces a newer one. */
export function upsertReport(list: ReportView[], report: ReportView, max = OPS_MAX_REPORTS): ReportView[] {
  const existing = list.find((r) => r.id === report.id);
  if (existing && existing.version > report.version) return list;
  const next = existing ? list.map((r) => (r.id === report.id ? report : r)) : [report, ...list];
  if (!existing) next.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  return next.length > max ? next.slice(0, max) : next;
}

/** Active incidents replaced by a change (a dissolved one leaves the list). */
export function applyIncidentChange(list: readonly IncidentView[], change: IncidentChange): IncidentView[] {
  const rest = list.filter((i) => i.id !== change.incident.id);
  return change.incident.status === "active" ? [change.incident, ...rest] : rest;
}

/**
 * The verifiers' queue: the reports of a filter, newest first, a page at a time (`loadMore`), kept live by
 * the change feed across reconnects. A report arriving or changing live enters the view only when it
 * matches the filter (the server's own rule, `matchesReportFilter`) and leaves it when it no longer does.
 * Beside it: the counts per status, who holds which report (claims), and the active incidents (so the
 * map shows each once).
 */
/** The claims a list page carries (older servers and test fakes send none). */
function claimsOf(listed: QueueClaim[] | undefined): ClaimMap {
  return new Map((listed ?? []).map(({ reportId, ...holder }) => [reportId, holder]));
}

export const OpsModel = createModel((http: Http, connect: ConnectReportSocket) => {
  const reports = signal<ReportView[]>([]);
  const connection = signal<OpsConnection>("idle");
  const error = signal<unknown>(null);
  const count = computed(() => reports.value.length);
  const filter = signal<ReportFilterInput>({ kind: [...SITUATION_KINDS] });
  const matcher = computed(() => parsedFilter(filter.value));
  /** The cursor of the next page; null when the last one is loaded. */
  const next = signal<string | null>(null);
  const loadingMore = signal(false);
  const counts = signal<ReportCounts | null>(null);
  const claims = signal<ClaimMap>(new Map());
  const claimOrder = createClaimOrder();
  const incidents = signal<IncidentView[]>([]);

  let feed: ChangeFeed<ReportView | null> | null = null;
  let disconnect: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1_000;
  let session = 0;
  let running = false;

  /** One page of the change log, in the feed's terms. */
  async function fetchAfter(after: number): Promise<ChangesPage<ReportView | null>> {
    const { data, page } = await http.call("GET /api/changes", { query: { after, limit: PAGE_LIMIT } });
    return { changes: data, lastSeq: page.seq ?? after, more: page.next !== null };
  }

  /** A change's report (null: one the log names but this user can no longer read). */
  function apply(change: ChangeEnvelope<ReportView | null>) {
    const report = change.data;
    if (report) place(report);
    scheduleCounts();
  }

  /** A report as it is now: into the view when it matches the filter, out of it when it no longer does. */
  function place(report: ReportView) {
    if (matchesReportFilter(report, matcher.value)) reports.value = upsertReport(reports.value, report, Math.max(OPS_MAX_REPORTS, reports.value.length + 1));
    else if (reports.value.some((r) => r.id === report.id && r.version <= report.version)) reports.value = reports.value.filter((r) => r.id !== report.id);
  }

  let countsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts follow changes, at most every few seconds: a busy hour must not mean a count per arrival. */
  function scheduleCounts() {
    if (countsTimer !== undefined) return;
    countsTimer = setTimeout(() => {
      countsTimer = undefined;
      void loadCounts();
    }, 2_000);
  }

  async function loadCounts() {
    const mine = session;
    try {
      const { data } = await http.call("GET /api/reports/counts", { query: filter.value });
      if (mine === session) counts.value = data;
    } catch {
      // The counts are a convenience beside the list; the list itself reports its failures.
    }
  }

  async function loadIncidents() {
    try {
      const { data } = await http.call("GET /api/incidents", { query: { limit: 200 } });
      incidents.value = data;
    } catch {
      incidents.value = [];
    }
  }

  async function catchUp(mine: number) {
    clearTimeout(retryTimer);
    try {
      await feed?.catchUp();
      if (mine !== session) return;
      connection.value = "live";
      error.value = null;
      retryDelay = 1_000;
      void refreshClaims(mine);
    } catch (err) {
      if (mine !== session) return;
      error.value = err;
      // Events stay held inside the feed until a catch-up succeeds; keep trying while connected.
      retryTimer = setTimeout(() => void catchUp(mine), retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30_000);
    }
  }

  /**
   * Claims this screen knew of, as they are now. Claim events are not in the change log, so one sent while
   * the socket was away (a release, say) is only learned by asking again after the connection is back.
   */
  async function refreshClaims(mine: number) {
    for (const reportId of [...claims.value.keys()]) {
      const sentAt = claimOrder.mark();
      try {
        const { data } = await http.call("GET /api/reports/:id", { params: { id: reportId } });
        if (mine !== session || claimOrder.isStale(reportId, sentAt)) continue;
        const claim = data.claim ? { holderId: data.claim.holderId, holderName: data.claim.holderName, expiresAt: data.claim.expiresAt } : null;
        claims.value = applyClaimNotice(claims.value, { reportId, claim });
      } catch {
        // Unreadable now (out of scope, gone): whatever it held, this screen cannot act on it.
        if (mine === session && !claimOrder.isStale(reportId, sentAt)) claims.value = applyClaimNotice(claims.value, { reportId, claim: null });
      }
    }
  }

  async function start() {
    if (running) return;
    running = true;
    const mine = ++session;
    connection.value = "connecting";
    void loadCounts();
    void loadIncidents();
    try {
      const list = await http.call("GET /api/reports", { query: { ...filter.value, limit: LIST_LIMIT } });
      if (mine !== session) return;
      reports.value = list.data;
      next.value = list.page.next;
      // Who holds what, as of the list: what this screen knew from before (events while it was closed) is
      // replaced, since nothing told it of releases meanwhile.
      claims.value = claimsOf(list.claims);
      // Without a seq beside the list, the first catch-up reads the log from the start; applying the
      // same report twice is harmless (upsert by id and version).
      feed = createChangeFeed<ReportView | null>({ fetchAfter, apply }, list.page.seq ?? 0);
    } catch (err) {
      if (mine !== session) return;
      error.value = err;
      connection.value = "offline";
      running = false;
      return;
    }
    disconnect = connect({
      connected: () => {
        connection.value = "connecting";
        void catchUp(mine);
      },
      disconnected: () => {
        if (mine === session) connection.value = "offline";
      },
      change: (change) => feed?.receive(change),
      claim: (notice) => {
        claimOrder.noticed(notice.reportId);
        claims.value = applyClaimNotice(claims.value, notice);
      },
      incident: (change) => (incidents.value = applyIncidentChange(incidents.value, change)),
      // A probe without the 401 exemption: if the session is gone, the app's session-lost path runs.
      refused: () => void http.call("GET /api/auth/me", {}).catch(() => undefined),
    });
  }

  function stop() {
    session++;
    running = false;
    clearTimeout(retryTimer);
    clearTimeout(countsTimer);
    countsTimer = undefined;
    disconnect?.();
    disconnect = null;
    feed = null;
    connection.value = "idle";
  }

  /**
   * A verifier's decision. The answer is applied at once (the live event that follows carries the same
   * version and changes nothing); a refusal is thrown for the caller to show beside the report.
   */
  async function decide(reportId: string, input: ChangeStatusInput): Promise<void> {
    const sentAt = claimOrder.mark();
    try {
      const { data } = await http.call("POST /api/reports/:id/status", { params: { id: reportId }, body: input });
      reports.value = upsertReport(reports.value, data, Math.max(OPS_MAX_REPORTS, reports.value.length));
      scheduleCounts();
    } catch (err) {
      // Refused because another holds it: now this screen knows who, even if it missed the event.
      const holder = holderOfRefusal(err);
      if (holder && !claimOrder.isStale(reportId, sentAt)) claims.value = applyClaimNotice(claims.value, { reportId, claim: holder });
      throw err;
    }
  }

  /** Show another filter: the list and counts start again from its first page. */
  function setFilter(next: ReportFilterInput) {
    if (JSON.stringify(next) === JSON.stringify(filter.value)) return;
    filter.value = next;
    if (running) {
      stop();
      void start();
    }
  }

  /** The next page of the same filter, appended. */
  async function loadMore() {
    const before = next.value;
    if (!before || loadingMore.value) return;
    const mine = session;
    loadingMore.value = true;
    try {
      const page = await http.call("GET /api/reports", { query: { ...filter.value, limit: LIST_LIMIT, before } });
      if (mine !== session) return;
      const known = new Set(reports.value.map((r) => r.id));
      reports.value = [...reports.value, ...page.data.filter((r) => !known.has(r.id))];
      next.value = page.page.next;
      const more = claimsOf(page.claims);
      if (more.size) claims.value = new Map([...claims.value, ...more]);
    } catch (err) {
      if (mine === session) error.value = err;
    } finally {
      loadingMore.value = false;
    }
  }

  /** Reports that others decided on elsewhere (bulk, the detail page) put back as they are now. */
  function putReports(list: readonly ReportView[]) {
    for (const r of list) place(r);
    scheduleCounts();
  }

  return { reports, connection, error, count, filter, next, loadingMore, counts, claims, incidents, start, stop, decide, setFilter, loadMore, putReports };
});
