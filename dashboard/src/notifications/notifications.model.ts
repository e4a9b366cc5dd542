import { createModel, signal } from "@preact/signals";
import type { NotificationView } from "@contract/notifications.ts";
import type { Http } from "@kit/http.ts";
import type { ConnectNotificationSocket } from "./notification-socket.ts";

const PAGE = 20;

/** Newest first, one entry per id (a live one may also arrive in a page read at the same moment). */
export function mergeNotifications(current: readonly NotificationView[], incoming: readonly NotificationView[]): NotificationView[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  for (const n of incoming) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => Number(b.id) - Number(a.id));
}

/**
 * The signed-in user's notification centre: the newest page, the unread count, and `notification:new`
 * patching both live. `start` when the bell mounts, `stop` when it goes (sign-out).
 */
export const NotificationsModel = createModel((http: Http, connect: ConnectNotificationSocket) => {
  const items = signal<readonly NotificationView[]>([]);
  const unread = signal(0);
  const next = signal<string | null>(null);
  const failed = signal(false);
  const open = signal(false);
  let close: (() => void) | null = null;

  /** The latest reload: an older one answering late (start and connect both reload) must not win. */
  let reloads = 0;
  /** Heard live while a reload is on its way: its answer may have been read before they were written. */
  let heardDuringReload: NotificationView[] = [];
  /** Deleted on the server (unpublished reports' notices): a page read before the delete must not bring them back. */
  const gone = new Set<string>();
  const present = (list: readonly NotificationView[]) => list.filter((n) => !gone.has(n.id));

  async function reload(): Promise<void> {
    const mine = ++reloads;
    heardDuringReload = [];
    try {
      const answer = await http.call("GET /api/notifications", { query: { limit: PAGE } });
      if (mine !== reloads) return;
      const listed = new Set(answer.data.map((n) => n.id));
      const missed = heardDuringReload.filter((n) => !listed.has(n.id));
      items.value = present(mergeNotifications([], [...answer.data, ...missed]));
      unread.value = answer.unread + missed.filter((n) => !n.readAt).length;
      next.value = answer.page.next;
      failed.value = false;
    } catch {
      if (mine === reloads) failed.value = true;
    }
  }

  return {
    items,
    unread,
    next,
    failed,
    open,

    start(): void {
      if (close) return;
      close = connect({
        connected: () => void reload(),
        disconnected: () => undefined,
        received: (n) => {
          if (gone.has(n.id)) return;
          heardDuringReload.push(n);
          if (items.value.some((x) => x.id === n.id)) return;
          items.value = mergeNotifications(items.value, [n]);
          if (!n.readAt) unread.value += 1;
        },
        removed: (ids) => {
          for (const id of ids) gone.add(id);
          const known = items.value.filter((n) => gone.has(n.id));
          items.value = present(items.value);
          heardDuringReload = present(heardDuringReload);
          unread.value = Math.max(0, unread.value - known.filter((n) => !n.readAt).length);
          // Some were beyond the pages read: only the server knows whether they were unread.
          if (known.length < ids.length) void reload();
        },
      });
      void reload();
    },

    stop(): void {
      close?.();
      close = null;
      items.value = [];
      unread.value = 0;
      open.value = false;
    },

    async loadMore(): Promise<void> {
      if (!next.value) return;
      const answer = await http.call("GET /api/notifications", { query: { limit: PAGE, before: next.value } });
      items.value = present(mergeNotifications(items.value, answer.data));
      next.value = answer.page.next;
    },

    /** Mark read (one, or all with no id); the server's count is the one kept. */
    async markRead(id?: string): Promise<void> {
      const at = new Date().toISOString();
      const answer = await http.call("POST /api/notifications/read", { body: id ? { ids: [id] } : { all: true } });
      items.value = items.value.map((n) => (n.readAt || (id && n.id !== id) ? n : { ...n, readAt: at }));
      unread.value = answer.data.unread;
    },
  };
});

export type NotificationsModel = InstanceType<typeof NotificationsModel>;
