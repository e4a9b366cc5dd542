import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { FOLLOW_UP_LIMITS, type AgencyView } from "@contract/follow-ups.ts";
import { fromWitaLocalInput } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { errorText, t } from "../i18n/i18n.ts";

/**
 * Assign a verified report or an incident to one or more agencies, with an instruction and a deadline
 * (three days when none is chosen): one assignment per agency.
 */
export function AssignForm({ target, onDone }: { target: { reportId: string } | { incidentId: string }; onDone(): void }) {
  const agencies = useSignal<AgencyView[]>([]);
  const chosen = useSignal<string[]>([]);
  const instruction = useSignal("");
  const deadline = useSignal("");
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  useEffect(() => {
    void api.call("GET /api/agencies", { query: { active: "true" } }).then(
      (p) => (agencies.value = p.data),
      (err) => (error.value = err),
    );
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const when = fromWitaLocalInput(deadline.value);
      await api.call("POST /api/follow-ups", { body: { ...target, agencyIds: chosen.value, instruction: instruction.value.trim(), ...(when ? { deadline: when } : {}) } });
      chosen.value = [];
      instruction.value = "";
      deadline.value = "";
      onDone();
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  };
  return (
    <form class="assign-form" data-testid="assign-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t("followUp.agencies")}</legend>
        {agencies.value.length ? null : <p class="muted">{t("followUp.noAgencies")}</p>}
        {agencies.value.map((a) => (
          <label key={a.id} class="queue-check">
            <input
              type="checkbox"
              checked={chosen.value.includes(a.id)}
              onChange={(e) => (chosen.value = e.currentTarget.checked ? [...chosen.value, a.id] : chosen.value.filter((x) => x !== a.id))}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
      <label>
        {t("followUp.instruction")}
        <textarea rows={3} maxLength={FOLLOW_UP_LIMITS.instructionMax} value={instruction.value} onInput={(e) => (instruction.value = e.currentTarget.value)} data-testid="assign-instruction" />
      </label>
      <label>
        {t("followUp.deadlineOptional")}
        <input type="datetime-local" value={deadline.value} onInput={(e) => (deadline.value = e.currentTarget.value)} />
      </label>
      {error.value ? (
        <p class="field-error" role="alert">
          {errorText(error.value)}
        </p>
      ) : null}
      <button type="submit" class="button" data-testid="assign-send" disabled={busy.value || !chosen.value.length || !instruction.value.trim()}>
        {t("followUp.assign")}
      </button>
    </form>
  );
}
