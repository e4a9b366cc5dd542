import { useSignal } from "@preact/signals";
import { FOLLOW_UP_LIMITS, type FollowUpView } from "@contract/follow-ups.ts";
import { formatStamp } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { errorText, locale, t } from "../i18n/i18n.ts";

/**
 * One assignment: agency, instruction, deadline (red when overdue), the response and its closing; staff
 * record the agency's response and close it.
 */
export function FollowUpItem({ item, canManage, timeZone, onChanged }: { item: FollowUpView; canManage: boolean; timeZone?: string; onChanged(): void }) {
  const response = useSignal("");
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const act = async (action: () => Promise<unknown>) => {
    busy.value = true;
    error.value = null;
    try {
      await action();
      response.value = "";
      onChanged();
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  };
  const id = `response-${item.id}`;
  return (
    <li class={`follow-up${item.overdue ? " follow-up--overdue" : ""}`} data-testid="follow-up" data-status={item.status} data-overdue={item.overdue}>
      <div>
        <strong>{item.agency.name}</strong> · {t(`followUp.status.${item.status}`)}
        {item.overdue ? <span class="tag tag--overdue">{t("followUp.overdue")}</span> : null}
      </div>
      <div class={item.overdue ? "overdue-text" : "muted"}>{t("followUp.due", { at: formatStamp(item.deadline, locale.value, timeZone, true) })}</div>
      <p class="history-note">{item.instruction}</p>
      {item.response ? (
        <p class="follow-up-response">
          {t("followUp.responseBy", { name: item.respondedBy?.displayName ?? "—", at: formatStamp(item.respondedAt, locale.value, timeZone) })}: {item.response}
        </p>
      ) : null}
      {canManage && item.status === "open" ? (
        <form
          class="decide-note"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.call("POST /api/follow-ups/:id/response", { params: { id: item.id }, body: { response: response.value.trim() } }));
          }}
        >
          <label for={id}>{t("followUp.response")}</label>
          <textarea id={id} rows={2} maxLength={FOLLOW_UP_LIMITS.responseMax} value={response.value} onInput={(e) => (response.value = e.currentTarget.value)} />
          <button type="submit" class="button-quiet" disabled={busy.value || !response.value.trim()}>
            {t("followUp.recordResponse")}
          </button>
        </form>
      ) : null}
      {canManage && item.status !== "closed" ? (
        <button type="button" class="button-quiet" disabled={busy.value} onClick={() => void act(() => api.call("POST /api/follow-ups/:id/close", { params: { id: item.id }, body: {} }))}>
          {t("followUp.close")}
        </button>
      ) : null}
      {error.value ? (
        <p class="field-error" role="alert">
          {errorText(error.value)}
        </p>
      ) : null}
    </li>
  );
}
