import "./notifications.css";
import { useEffect } from "preact/hooks";
import type { NotificationView } from "@contract/notifications.ts";
import { formatWita } from "@kit/wita.ts";
import { locale } from "../i18n/i18n.ts";
import { navigate } from "../app/router.ts";
import { models } from "./models.ts";
import { tx } from "./messages.ts";
import { notificationWords } from "./notification-words.ts";

/** The bell with the unread count; a click opens the list of the newest notifications. */
export function NotificationBell() {
  const model = models.notifications;
  useEffect(() => model.start(), []);
  const unread = model.unread.value;
  const open = model.open.value;
  return (
    <div class="notif">
      <button
        type="button"
        class="notif-bell"
        data-testid="notification-bell"
        aria-expanded={open}
        aria-label={unread ? tx("notif.bell.unread", { n: unread }) : tx("notif.bell")}
        onClick={() => (model.open.value = !open)}
      >
        {/* An inline bell: no icon font or emoji font is needed (office PCs often lack one). */}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" />
        </svg>
        {unread ? (
          <span class="notif-count" data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? <NotificationPanel /> : null}
    </div>
  );
}

function NotificationPanel() {
  const model = models.notifications;
  const items = model.items.value;
  return (
    <section class="notif-panel" data-testid="notification-panel" aria-label={tx("notif.title")}>
      <header class="notif-head">
        <h2>{tx("notif.title")}</h2>
        {model.unread.value ? (
          <button type="button" class="button-quiet" data-testid="notification-mark-all" onClick={() => void model.markRead()}>
            {tx("notif.markAll")}
          </button>
        ) : null}
        <button type="button" class="button-quiet" aria-label={tx("notif.close")} onClick={() => (model.open.value = false)}>
          ×
        </button>
      </header>
      {model.failed.value ? <p class="notif-empty">{tx("notif.loadFailed")}</p> : null}
      {items.length === 0 && !model.failed.value ? <p class="notif-empty">{tx("notif.empty")}</p> : null}
      <ul class="notif-list">
        {items.map((n) => (
          <NotificationItem key={n.id} n={n} />
        ))}
      </ul>
      {model.next.value ? (
        <button type="button" class="button-quiet notif-more" onClick={() => void model.loadMore()}>
          {tx("notif.more")}
        </button>
      ) : null}
    </section>
  );
}

function NotificationItem({ n }: { n: NotificationView }) {
  const model = models.notifications;
  const words = notificationWords(n);
  const follow = (e: Event) => {
    e.preventDefault();
    if (!n.readAt) void model.markRead(n.id);
    model.open.value = false;
    // The phone app's links leave the dashboard; the rest stay in it.
    if (n.link.startsWith("/m/")) location.assign(n.link);
    else navigate(n.link);
  };
  return (
    <li class={n.readAt ? "notif-item" : "notif-item notif-unread"} data-testid="notification-item" data-kind={n.kind}>
      <a href={n.link} onClick={follow}>
        <strong>{words.title}</strong>
        <span class="notif-body">{words.body}</span>
        <time dateTime={n.createdAt}>{formatWita(Date.parse(n.createdAt), locale.value)}</time>
      </a>
      {!n.readAt ? (
        <button type="button" class="button-quiet notif-read" onClick={() => void model.markRead(n.id)}>
          {tx("notif.markRead")}
        </button>
      ) : null}
    </li>
  );
}
