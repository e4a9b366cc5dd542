import { computed, createModel, signal } from "@preact/signals";
import type { ClaimHolder } from "@contract/claims.ts";
import type { DuplicateCandidate } from "@contract/incidents.ts";
import type { FollowUpView } from "@contract/follow-ups.ts";
import type { ReportDetail, ReportHistoryEntry, RevisionSummary } from "@contract/report-detail.ts";
import type { Http } from "@kit/http.ts";
import { applyClaimNotice, createClaimOrder, holderOfRefusal, liveClaim, type ClaimMap } from "../ops/claims.ts";
import type { ConnectReportSocket } from "../ops/report-socket.ts";

/** Renew the lease this long before it ends (a 10-minute lease is renewed every 7 minutes). */
const RENEW_BEFORE_MS = 3 * 60_000;
const RENEW_MIN_MS = 30_000;

export interface DetailDeps {
  http: Http;
  connect: ConnectReportSocket;
  /** Release a claim as the tab closes (keepalive): the page's own requests die with it. */
  releaseOnUnload?: (reportId: string) => void;
}

/**
 * One report open on the verification desk: the whole report, its history, revisions, duplicate
 * candidates and follow-ups, kept current over the socket. A verifier who opens it claims it (a lease,
 * renewed while the page stays open and released when it closes); everyone sees live who holds it.
 */
export const ReportDetailModel = createModel((deps: DetailDeps) => {
  const { http } = deps;
  const report = signal<ReportDetail | null>(null);
  const history = signal<ReportHistoryEntry[]>([]);
  const revisions = signal<RevisionSummary[]>([]);
  const duplicates = signal<DuplicateCandidate[]>([]);
  const followUps = signal<FollowUpView[]>([]);
  const claims = signal<ClaimMap>(new Map());
  /** This desk's own lease, when it holds one. */
  const mine = signal<ClaimHolder | null>(null);
  const error = signal<unknown>(null);
  const claimError = signal<unknown>(null);

  let openId: string | null = null;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let disconnect: (() => void) | null = null;

  const shown = signal<string | null>(null);
  /**
   * The live holder of the open report. A computed, not a function: a model's functions run as untracked
   * actions, so a view calling one would not re-render when the claim changes.
   */
  const holder = computed(() => (shown.value ? liveClaim(claims.value, shown.value) : null));
  const setClaim = (reportId: string, claim: ClaimHolder | null) => (claims.value = applyClaimNotice(claims.value, { reportId, claim }));

  const claimOrder = createClaimOrder();

  async function load(id: string) {
    const sentAt = claimOrder.mark();
    try {
      const [detail, events] = await Promise.all([http.call("GET /api/reports/:id", { params: { id } }), http.call("GET /api/reports/:id/history", { params: { id } })]);
      if (openId !== id) return;
      report.value = detail.data;
      history.value = events.data;
      if (detail.data.claim && !claimOrder.isStale(id, sentAt)) setClaim(id, detail.data.claim);
      error.value = null;
    } catch (err) {
      if (openId === id) error.value = err;
      return;
    }
    // The rest is beside the report: one failing (a role without follow-ups) leaves the others.
    void http.call("GET /api/reports/:id/revisions", { params: { id } }).then((p) => openId === id && (revisions.value = p.data), () => undefined);
    void http.call("GET /api/reports/:id/duplicates", { params: { id } }).then((p) => openId === id && (duplicates.value = p.data), () => undefined);
    void loadFollowUps(id);
  }

  async function loadFollowUps(id = openId) {
    if (!id) return;
    try {
      const page = await http.call("GET /api/reports/:id/follow-ups", { params: { id } });
      if (openId === id) followUps.value = page.data;
    } catch {
      if (openId === id) followUps.value = [];
    }
  }

  /** Take or renew the lease; a refusal names the holder, and the desk shows them instead. */
  async function claim(id: string) {
    clearTimeout(renewTimer);
    const sentAt = claimOrder.mark();
    try {
      const { data } = await http.call("POST /api/reports/:id/claim", { params: { id } });
      if (openId !== id) return void release(id);
      mine.value = data;
      claimError.value = null;
      setClaim(id, data);
      const wait = Math.max(RENEW_MIN_MS, Date.parse(data.expiresAt) - Date.now() - RENEW_BEFORE_MS);
      renewTimer = setTimeout(() => void claim(id), wait);
    } catch (err) {
      if (openId !== id) return;
      mine.value = null;
      const other = holderOfRefusal(err);
      if (other && !claimOrder.isStale(id, sentAt)) setClaim(id, other);
      else claimError.value = err;
    }
  }

  async function release(id: string) {
    try {
      await http.call("DELETE /api/reports/:id/claim", { params: { id } });
    } catch {
      // A lease not released lapses by itself within minutes.
    }
  }

  /** Open a report; `claimIt` for a verifier (the desk takes the report while it is open). */
  function open(id: string, claimIt: boolean) {
    close();
    openId = id;
    shown.value = id;
    report.value = null;
    history.value = revisions.value = duplicates.value = followUps.value = [];
    error.value = claimError.value = null;
    void load(id);
    if (claimIt) void claim(id);
    disconnect = deps.connect({
      connected: () => void 0,
      disconnected: () => void 0,
      refused: () => void 0,
      change: (change) => {
        if (change.entityId === id && openId === id && change.data.version !== report.value?.version) void load(id);
      },
      claim: (notice) => {
        if (notice.reportId !== id) return;
        claimOrder.noticed(id);
        claims.value = applyClaimNotice(claims.value, notice);
        // Our lease was broken (an admin) or ended with our decision: stop renewing it.
        if (mine.value && notice.claim?.holderId !== mine.value.holderId) {
          mine.value = null;
          clearTimeout(renewTimer);
        }
      },
      incident: (change) => change.reportIds.includes(id) && void load(id),
      followUp: (change) => followUps.value.some((f) => f.id === change.assignment.id) && void loadFollowUps(id),
    });
  }

  /** Leave the report: stop listening and give the lease back. */
  function close() {
    const id = openId;
    openId = null;
    clearTimeout(renewTimer);
    disconnect?.();
    disconnect = null;
    if (id && mine.value) void release(id);
    mine.value = null;
  }

  /** The tab is closing with the report open. */
  function closeOnUnload() {
    if (openId && mine.value) deps.releaseOnUnload?.(openId);
  }

  /** Admin: end another's lease. */
  async function breakClaim() {
    if (!openId) return;
    await http.call("DELETE /api/reports/:id/claim", { params: { id: openId } });
    setClaim(openId, null);
  }

  return { report, history, revisions, duplicates, followUps, claims, mine, error, claimError, holder, open, close, closeOnUnload, breakClaim, reload: () => openId && load(openId), loadFollowUps, claim: () => openId && claim(openId) };
});
