import { useSignal } from "@preact/signals";
import { AcknowledgeAlertInput, CloseAlertInput, type AlertView } from "@contract/alerts.ts";
import { errorText, fieldErrors } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { checkLocally, type LocalInvalid } from "@kit/local-invalid.ts";
import { tx, type AlertsKey } from "./messages.ts";
import { models } from "./models.ts";

interface NoteFormProps {
  /** `ack` or `close`: ids, test ids and names derive from it. */
  kind: "ack" | "close";
  title: AlertsKey;
  label: AlertsKey;
  hint?: AlertsKey;
  submitLabel: AlertsKey;
  required: boolean;
  /** The note checked with the contract's schema (a failure like the server's 400), or null. */
  check(note: string): LocalInvalid | null;
  send(note: string): Promise<void>;
}

/**
 * A note and a button that makes one change. The note is checked with the contract's own schema first,
 * so its problem shows beside the field before anything is sent; the server's answer lands there too.
 */
function NoteForm({ kind, title, label, hint, submitLabel, required, check, send }: NoteFormProps) {
  const note = useSignal("");
  const failure = useSignal<unknown>(null);
  const busy = useSignal(false);
  const fieldId = `alert-${kind}-note`;
  const fieldError = fieldErrors(failure.value).note;

  async function submit(e: Event) {
    e.preventDefault();
    failure.value = check(note.value);
    if (failure.value) return;
    busy.value = true;
    try {
      await send(note.value.trim());
      note.value = "";
    } catch (err) {
      failure.value = err;
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="alert-note-form" onSubmit={submit} noValidate data-testid={`alert-${kind}-form`}>
      <h3>{tx(title)}</h3>
      {failure.value && !fieldErrors(failure.value).note ? <Banner kind="error">{errorText(failure.value)}</Banner> : null}
      <div class={fieldError ? "field field--invalid" : "field"}>
        <label for={fieldId}>{tx(label)}</label>
        <textarea
          id={fieldId}
          name="note"
          rows={3}
          maxLength={2_000}
          required={required}
          value={note.value}
          onInput={(e) => (note.value = e.currentTarget.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${fieldId}-error` : undefined}
          data-testid={`alert-${kind}-note`}
        />
        {hint ? <small class="field-hint">{tx(hint)}</small> : null}
        {fieldError ? (
          <p class="field-error" id={`${fieldId}-error`} data-field-error="note" role="alert">
            {fieldError}
          </p>
        ) : null}
      </div>
      <button type="submit" class={kind === "ack" ? "button" : "button-quiet"} disabled={busy.value} data-testid={`alert-${kind}-submit`}>
        {tx(submitLabel)}
      </button>
    </form>
  );
}

/**
 * What a leader or an admin can do with an alert: acknowledge it with a note (once, while it is open),
 * and close it with an optional note (while it is not closed). `onDone` says what happened.
 */
export function AlertActions({ alert, onDone }: { alert: AlertView; onDone(text: string): void }) {
  const { alerts } = models;
  return (
    <div class="alert-actions">
      {alert.status === "open" ? (
        <NoteForm
          kind="ack"
          title="alerts.ack.title"
          label="alerts.ack.note"
          hint="alerts.ack.hint"
          submitLabel="alerts.ack.submit"
          required
          check={(note) => checkLocally(AcknowledgeAlertInput, { note })}
          send={async (note) => {
            await alerts.acknowledge(alert.id, note);
            onDone(tx("alerts.ack.done", { number: alert.number }));
          }}
        />
      ) : null}
      {alert.status !== "closed" ? (
        <NoteForm
          kind="close"
          title="alerts.close.title"
          label="alerts.close.note"
          submitLabel="alerts.close.submit"
          required={false}
          check={(note) => checkLocally(CloseAlertInput, note.trim() ? { note } : {})}
          send={async (note) => {
            await alerts.close(alert.id, note || undefined);
            onDone(tx("alerts.close.done", { number: alert.number }));
          }}
        />
      ) : null}
    </div>
  );
}
