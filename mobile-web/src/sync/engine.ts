/**
 * The sending machinery, loaded after the first paint (dynamic import) so the home screen shows before
 * socket.io-client, zod and the outbox code have downloaded and parsed. Wiring per outbox/README.md.
 */
import { io } from "socket.io-client";
import type { ChangeEnvelope } from "@contract/events.ts";
import type { SubmitResult } from "@contract/reports.ts";
import { openOutbox, type OutboxEntry } from "../outbox/outbox.store.ts";
import type { OutboxOwner } from "../outbox/owner.ts";
import type { SyncStatus } from "../outbox/sync-status.ts";
import { OutboxSync } from "../outbox/sync.ts";
import { fallbackTransport, restTransport, socketTransport, type AppSocket } from "../outbox/transports.ts";
import { xhrUploadPhoto } from "../outbox/xhr-upload.ts";

export interface EngineHooks {
  /** A fact about one of the officer's own reports (status changes from verifiers). */
  onReportChange(change: ChangeEnvelope): void;
  /** The socket (re)connected: a good moment to refetch what may have been missed. */
  onConnect(): void;
  /** A report (and its photos) reached the server and left the outbox. */
  onDelivered(entry: OutboxEntry, result: SubmitResult): void;
}

export interface Engine {
  sync: OutboxSync;
  /** Open the socket (after a login: the handshake needs the session cookie). */
  connect(): void;
  disconnect(): void;
  /** Open it again with the current cookie (the server closed the old session's sockets). */
  reconnect(): void;
}

export async function startEngine(status: SyncStatus, hooks: EngineHooks, owner: OutboxOwner | null): Promise<Engine> {
  // Default namespace on this origin; autoConnect off so a signed-out phone does not knock in a loop.
  const socket: AppSocket = io({ path: "/socket.io", withCredentials: true, autoConnect: false });
  const submit = fallbackTransport(socketTransport(() => socket, 20_000), restTransport(), () => socket.connected);
  const sync = new OutboxSync({ store: await openOutbox(), status, owner, transport: { ...submit, uploadPhoto: xhrUploadPhoto() }, onDelivered: hooks.onDelivered });

  // A connected socket is a better "back online" signal than the browser's.
  socket.on("connect", () => {
    void sync.kick();
    hooks.onConnect();
  });
  socket.on("report:updated", (change) => hooks.onReportChange(change));
  socket.on("report:created", (change) => hooks.onReportChange(change));
  // Closed as the oldest of too many sockets of this officer (other tabs took over): reports go on over REST,
  // and the socket comes back when this page is looked at again (it is then the one in use).
  let displaced = false;
  socket.on("session:displaced", () => (displaced = true));
  document.addEventListener("visibilitychange", () => {
    if (!displaced || document.visibilityState !== "visible") return;
    displaced = false;
    socket.connect();
  });
  // Background Sync only wakes the loop; the page does the sending.
  navigator.serviceWorker?.addEventListener("message", (e: MessageEvent<{ type?: string }>) => {
    if (e.data?.type === "outbox:sync") void sync.kick();
  });

  await sync.refresh();
  void sync.start();
  socket.connect();
  return {
    sync,
    connect: () => void (socket.connected || socket.connect()),
    disconnect: () => void socket.disconnect(),
    reconnect: () => void socket.disconnect().connect(),
  };
}
