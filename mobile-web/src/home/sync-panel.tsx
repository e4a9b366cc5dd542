import { useContext } from "preact/hooks";
import { formatWita } from "@kit/wita.ts";
import { AppContext } from "../app/context.ts";
import { locale, t } from "../i18n/i18n.ts";
import type { OutboxEntry } from "../outbox/outbox.store.ts";
import { photoKey } from "../outbox/sync-status.ts";
import { HeldList } from "./held-list.tsx";
import { RefusedList } from "./refused-list.tsx";

/** Always visible on home: how many wait, whether it is sending, when it last worked, what needs the officer. */
export function SyncPanel() {
  const { sync, session, connection, offlineReady } = useContext(AppContext);
  const s = sync.status;
  const pending = s.mine.value.filter((e) => e.state !== "refused");
  const lastSyncAt = s.lastSyncAt.value;
  const retryAt = s.retryAt.value;
  return (
    <section class="panel stack sync" aria-labelledby="sync-title" data-testid="sync-status">
      <h2 id="sync-title" class="h2">
        {t("sync.title")}
      </h2>
      {s.loginNeeded.value && (
        <div class="banner banner--warn">
          <p>{t("sync.loginNeeded")}</p>
          <button type="button" class="btn btn--small" onClick={() => session.sessionEnded()}>
            {t("sync.loginNow")}
          </button>
        </div>
      )}
      <p data-testid="sync-pending" data-count={pending.length}>
        <strong>{pending.length ? t("sync.pending", { count: pending.length }) : t("sync.allSent")}</strong>
        {s.sending.value && <span class="muted"> · {t("sync.sending")}</span>}
      </p>
      {pending.length > 0 && !connection.online.value && <p class="muted">{t("sync.offline")}</p>}
      {pending.length > 0 && retryAt && !s.sending.value && (
        <p class="muted">
          {t("sync.retryAt", { time: formatWita(retryAt, locale.value) })}{" "}
          <button type="button" class="link" onClick={() => void sync.kick()}>
            {t("sync.sendNow")}
          </button>
        </p>
      )}
      {pending.length > 0 && (
        <ul class="plain stack-s">
          {pending.map((e) => (
            <PendingEntry key={e.clientId} entry={e} progress={s.progress.value} />
          ))}
        </ul>
      )}
      <p class="muted small">{lastSyncAt ? t("sync.lastSync", { time: formatWita(lastSyncAt, locale.value) }) : t("sync.never")}</p>
      {/* Tells the officer when it is safe to head out of coverage. */}
      <p class="muted small" data-testid="offline-ready" data-ready={String(offlineReady.value)}>
        {offlineReady.value ? t("app.offlineReady") : t("app.offlinePreparing")}
      </p>
      <RefusedList />
      <HeldList />
    </section>
  );
}

function PendingEntry({ entry, progress }: { entry: OutboxEntry; progress: ReadonlyMap<string, number> }) {
  return (
    <li class="pending">
      <span class="ellipsis">
        {t(`kind.${entry.kind}`)} · {String(entry.payload.perihal ?? "")}
      </span>
      {entry.photos.map((p, i) => {
        const fraction = p.uploaded ? 1 : (progress.get(photoKey(entry.clientId, p.sha256)) ?? 0);
        return (
          <label key={p.sha256} class="progress">
            <span class="small muted">{t("sync.photo", { n: i + 1 })}</span>
            <progress max={1} value={fraction} />
          </label>
        );
      })}
    </li>
  );
}
