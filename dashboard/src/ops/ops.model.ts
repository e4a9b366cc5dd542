import { computed, createModel, signal } from "@preact/signals";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { ChangeStatusInput, ReportView } from "@contract/reports.ts";
import type { Http } from "@kit/http.ts";
import { createChangeFeed, type ChangeFeed, type ChangesPage } from "./change-feed.ts";
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

/**
 * The live feed of incoming reports for verifiers, admins and leaders: the list loads once, then the
 * change feed keeps it current across reconnects.
 */
export const OpsModel = createModel((http: Http, connect: ConnectReportSocket) => {
  const reports = signal<ReportView[]>([]);
  const connection = signal<OpsConnection>("idle");
  const error = signal<unknown>(null);
  const count = computed(() => reports.value.length);

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
    if (report) reports.value = upsertReport(reports.value, report);
  }

  async function catchUp(mine: number) {
    clearTimeout(retryTimer);
    try {
      await feed?.catchUp();
      if (mine !== session) return;
      connection.value = "live";
      error.value = null;
      retryDelay = 1_000;
    } catch (err) {
      if (mine !== session) return;
      error.value = err;
      // Events stay held inside the feed until a catch-up succeeds; keep trying while connected.
      retryTimer = setTimeout(() => void catchUp(mine), retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30_000);
    }
  }

  async function start() {
    if (running) return;
    running = true;
    const mine = ++session;
    connection.value = "connecting";
    try {
      const list = await http.call("GET /api/reports", { query: { limit: LIST_LIMIT } });
      if (mine !== session) return;
      reports.value = list.data;
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
      // A probe without the 401 exemption: if the session is gone, the app's session-lost path runs.
      refused: () => void http.call("GET /api/auth/me", {}).catch(() => undefined),
    });
  }

  function stop() {
    session++;
    running = false;
    clearTimeout(retryTimer);
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
    const { data } = await http.call("POST /api/reports/:id/status", { params: { id: reportId }, body: input });
    reports.value = upsertReport(reports.value, data);
  }

  return { reports, connection, error, count, start, stop, decide };
});
