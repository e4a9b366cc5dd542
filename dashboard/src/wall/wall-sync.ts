import type { AlertChange } from "@contract/alerts.ts";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { WallReportChange } from "@contract/wall.ts";
import { createChangeFeed, type ChangeFeed, type ChangesPage } from "../ops/change-feed.ts";
import { createFrameQueue } from "./frame-queue.ts";
import type { WallHttp } from "./wall-http.ts";
import type { WallModel } from "./wall.model.ts";
import type { WallSocket, WallSocketHandlers } from "./wall-socket.ts";

export interface WallSyncDeps {
  model: WallModel;
  http: WallHttp;
  /** A kiosk screen (token) rather than a leader's session: a 401 means the token was revoked. */
  kiosk: boolean;
  openSocket(handlers: WallSocketHandlers): WallSocket;
  /** A deploy happened: load the new front end. */
  reload(): void;
  /** New alerts may sound (settings.sound). */
  alertSounded?(change: AlertChange): void;
  timing?: Partial<typeof DEFAULT_TIMING>;
}

export const DEFAULT_TIMING = {
  /** The snapshot again, to mend counters and notice a deploy. */
  snapshotEveryMs: 60_000,
  /** How often the watchdog looks at the socket. */
  watchdogMs: 5_000,
  /** Reconnecting this long counts as offline on the indicator. */
  offlineAfterMs: 30_000,
  /** A refused or revoked screen asks again this seldom: a screen nobody watches must not hammer the server. */
  refusedRetryMs: 60_000,
  /** A failed read (network, 5xx) is retried after this long. */
  retryMs: 5_000,
};

const asEnvelope = (c: WallReportChange): ChangeEnvelope<WallReportChange> => ({ seq: c.seq, entity: "report", entityId: c.report?.id ?? "", kind: c.kind, at: c.at, data: c });

/**
 * Keeps the wall current, unattended, for weeks. The snapshot is the base; `wall:report` events are the
 * fast path and the change log (`GET /api/wall/changes?after=`) the source of truth: on every (re)connect
 * the wall reads the log from the last seq it applied, page by page, in order, with live events held
 * meanwhile and anything at or below that seq dropped (ops/change-feed.ts), so a network cut or a server
 * restart loses nothing and shows nothing twice. The snapshot is read again every minute and after each
 * reconnect; its `build` differing from the first one means a deploy, and the page reloads itself. A 401
 * shows the revoked (kiosk) or sign-in screen and is asked again only once a minute.
 */
export function createWallSync(deps: WallSyncDeps) {
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const { model, http } = deps;
  const queue = createFrameQueue<WallReportChange>((changes) => model.applyReportChanges(changes));
  let feed: ChangeFeed<WallReportChange> | null = null;
  let socket: WallSocket | null = null;
  let build: string | null = null;
  let everConnected = false;
  let readFailures = 0;
  let lastRefusal = 0;
  let stopped = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let retry: ReturnType<typeof setTimeout> | undefined;

  function newFeed(seq: number): ChangeFeed<WallReportChange> {
    const mine = createChangeFeed<WallReportChange>(
      {
        fetchAfter: async (after): Promise<ChangesPage<WallReportChange>> => {
          const a = await http.changesAfter(after);
          if (!a.ok) {
            if (a.status === 401 || a.status === 403) refused(a.status);
            throw new Error(`changes: ${a.status}`);
          }
          const { data, page } = a.data;
          const more = page.next !== null;
          const last = data.length ? data[data.length - 1]!.seq : after;
          return { changes: data.map(asEnvelope), lastSeq: more ? last : Math.max(last, page.seq ?? 0), more };
        },
        // A feed replaced by a newer snapshot's may still be paging: what it reads then is dropped.
        apply: (envelope) => {
          if (feed === mine) queue.push(envelope.data);
        },
      },
      seq,
    );
    return mine;
  }

  /** Read the change log from the last applied seq; true when caught up. Retries by itself on failure. */
  async function catchUp(): Promise<boolean> {
    const current = feed;
    if (!current || !socket?.connected) return false;
    try {
      await current.catchUp();
      return true;
    } catch {
      if (feed === current && !stopped) later(() => void catchUp(), timing.retryMs);
      return false;
    }
  }

  /** Read the snapshot; true when it was applied. */
  async function refresh(): Promise<boolean> {
    const a = await http.snapshot();
    if (stopped) return false;
    if (!a.ok) {
      if (a.status === 401 || a.status === 403) refused(a.status);
      else failedRead();
      return false;
    }
    const snapshot = a.data.data;
    if (build !== null && snapshot.build !== build) {
      deps.reload();
      return false;
    }
    build = snapshot.build;
    readFailures = 0;
    queue.flushNow(); // what was received is drawn before the snapshot replaces the state
    model.applySnapshot(snapshot);
    feed = newFeed(snapshot.seq);
    if (!socket) openSocket();
    else void catchUp();
    return true;
  }

  /** After a refusal: the snapshot's answer decides (401 → revoked); reachable again → reconnect. */
  async function probe() {
    if (await refresh()) socket?.reconnectNow();
    else if (model.access.value === "ok" && !stopped) later(() => void probe(), timing.retryMs);
  }

  function refused(status: number) {
    model.access.value = status === 403 ? "forbidden" : deps.kiosk ? "revoked" : "login";
    socket?.close();
    socket = null;
    clearTimeout(retry);
    retry = setTimeout(() => void refresh(), timing.refusedRetryMs);
  }

  function failedRead() {
    readFailures++;
    // The socket says it is connected but the server does not answer: a half-open link. Start over.
    if (readFailures >= 2 && socket?.connected) socket.restart();
    if (model.access.value !== "ok") {
      clearTimeout(retry);
      retry = setTimeout(() => void refresh(), timing.retryMs);
    }
  }

  function openSocket() {
    const me: WallSocket = deps.openSocket({
      connected() {
        if (socket !== me) return;
        model.connection.value = { state: "online", since: null };
        const reconnected = everConnected;
        everConnected = true;
        // What was missed comes from the log first, drawn as it arrived; then (after a cut or a restart)
        // a fresh snapshot mends the counters and notices a deploy.
        void catchUp().then(() => {
          if (reconnected && socket === me) void refresh();
        });
      },
      disconnected() {
        const c = model.connection.value;
        if (c.state === "online" || c.since === null) model.connection.value = { state: everConnected ? "reconnecting" : "connecting", since: Date.now() };
      },
      refused() {
        // Revoked, signed out, or the server shut this socket: the REST answer says which, at once unless
        // the last refusal was just now (a server that takes the token on REST but not on the socket).
        if (socket !== me) return;
        const soon = Date.now() - lastRefusal < 2 * timing.retryMs;
        lastRefusal = Date.now();
        later(() => void probe(), soon ? timing.retryMs : 0);
      },
      report: (change) => {
        if (socket === me) feed?.receive(asEnvelope(change));
      },
      alert: (change) => {
        model.applyAlertChange(change);
        if (change.kind === "opened" || change.kind === "escalated") deps.alertSounded?.(change);
      },
    });
    socket = me;
  }

  function watchdog() {
    const c = model.connection.value;
    if (c.state === "reconnecting" && c.since !== null && Date.now() - c.since >= timing.offlineAfterMs) model.connection.value = { state: "offline", since: c.since };
    if (model.access.value === "ok" && socket && !socket.connected) socket.reconnectNow();
  }

  function later(fn: () => void, ms: number) {
    timers.push(setTimeout(fn, ms));
    if (timers.length > 50) timers.splice(0, 25); // fired long ago; only kept to be cleared on stop
  }

  const onOnline = () => socket?.reconnectNow();

  return {
    start() {
      void refresh();
      const every = setInterval(() => {
        if (model.access.value === "ok") void refresh();
      }, timing.snapshotEveryMs);
      const dog = setInterval(watchdog, timing.watchdogMs);
      globalThis.addEventListener?.("online", onOnline);
      return () => {
        stopped = true;
        clearInterval(every);
        clearInterval(dog);
        clearTimeout(retry);
        timers.forEach(clearTimeout);
        globalThis.removeEventListener?.("online", onOnline);
        socket?.close();
      };
    },
  };
}
