import { useSignal } from "@preact/signals";
import { NOTE_REQUIRED, REPORT_LIMITS, STATUS_CHANGES, type ChangeStatusInput, type ReportView } from "@contract/reports.ts";
import { models } from "../app/models.ts";
import { errorText, fieldErrors, type MessageKey, t } from "../i18n/i18n.ts";

type Decision = ChangeStatusInput["status"];

const label: Record<Decision, MessageKey> = {
  verified: "decide.verify",
  revision_requested: "decide.revise",
  rejected: "decide.reject",
};

/**
 * Verify, send back or reject one report, right in the live list. Sending back and rejecting ask for a
 * note first: the officer reads it on the phone. The decision carries the version on screen, so a report
 * that changed meanwhile (another verifier, a new revision) is refused, not overwritten.
 */
export function DecisionBar({ report }: { report: ReportView }) {
  const choosing = useSignal<Decision | null>(null);
  const note = useSignal("");
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const allowed = STATUS_CHANGES[report.status].filter((s): s is Decision => s in label);
  if (!allowed.length) return null;

  const send = async (status: Decision) => {
    busy.value = true;
    error.value = null;
    try {
      const text = note.value.trim();
      await models.ops.decide(report.id, { status, version: report.version, ...(text ? { note: text } : {}) });
      choosing.value = null;
      note.value = "";
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  };
  const pick = (status: Decision) => {
    error.value = null;
    if (NOTE_REQUIRED.includes(status)) choosing.value = status;
    else void send(status);
  };

  const noteError = fieldErrors(error.value).note;
  const id = `decide-note-${report.id}`;
  return (
    <div class="decide" data-testid="decide">
      {choosing.value === null ? (
        <div class="decide-buttons">
          {allowed.map((status) => (
            <button key={status} type="button" class={`button-quiet decide--${status}`} data-decision={status} disabled={busy.value} onClick={() => pick(status)}>
              {t(label[status])}
            </button>
          ))}
        </div>
      ) : (
        <form
          class="decide-note"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send(choosing.value!);
          }}
        >
          <label for={id}>{t(choosing.value === "rejected" ? "decide.rejectNote" : "decide.reviseNote")}</label>
          <textarea
            id={id}
            rows={3}
            maxLength={REPORT_LIMITS.statusNoteMax}
            value={note.value}
            onInput={(e) => (note.value = e.currentTarget.value)}
            aria-invalid={noteError ? true : undefined}
            data-testid="decide-note"
          />
          {noteError ? <p class="field-error" role="alert">{noteError}</p> : null}
          <div class="decide-buttons">
            <button type="submit" class="button" data-testid="decide-send" disabled={busy.value || !note.value.trim()}>
              {t(label[choosing.value])}
            </button>
            <button type="button" class="button-quiet" disabled={busy.value} onClick={() => ((choosing.value = null), (error.value = null))}>
              {t("decide.cancel")}
            </button>
          </div>
        </form>
      )}
      {error.value && !noteError ? (
        <p class="field-error" role="alert">
          {errorText(error.value)}
        </p>
      ) : null}
    </div>
  );
}
