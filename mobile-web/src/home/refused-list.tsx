import { useContext } from "preact/hooks";
import { AppContext } from "../app/context.ts";
import { t } from "../i18n/i18n.ts";
import { refusalText } from "../outbox/refusal-text.ts";

/**
 * Reports the server refused (content or rights): they wait for the officer, never retried alone.
 * "Ubah" opens the form on a copy (sent under a new clientId); "Kirim ulang" sends it unchanged (after
 * an admin fixed the account); "Buang" drops it after a confirmation.
 */
export function RefusedList() {
  const { sync, router } = useContext(AppContext);
  const refused = sync.status.refused.value;
  if (!refused.length) return null;
  return (
    <div class="stack-s" data-testid="refused">
      <h3 class="h3 danger">{t("sync.refusedTitle")}</h3>
      <ul class="plain stack-s">
        {refused.map((e) => (
          <li key={e.clientId} class="refused">
            <strong class="ellipsis">{String(e.payload.perihal ?? "")}</strong>
            <span class="small">{refusalText(e.lastError)}</span>
            <div class="row">
              {!e.result && (
                <button type="button" class="btn btn--small" onClick={() => router.navigate({ name: "edit", clientId: e.clientId })}>
                  {t("sync.edit")}
                </button>
              )}
              <button type="button" class="btn btn--small" onClick={() => void sync.resend(e.clientId)}>
                {t("sync.resend")}
              </button>
              <button
                type="button"
                class="btn btn--small btn--danger"
                onClick={() => {
                  if (confirm(t("sync.discardConfirm", { perihal: String(e.payload.perihal ?? "") }))) void sync.discard(e.clientId);
                }}
              >
                {t("sync.discard")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
