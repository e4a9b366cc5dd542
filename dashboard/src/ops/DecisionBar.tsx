import { signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { NOTE_REQUIRED, REPORT_LIMITS, STATUS_CHANGES, type ChangeStatusInput, type ReportView } from "@contract/reports.ts";
import { models } from "./models.ts";
import { errorText, fieldErrors, type MessageKey, t } from "../i18n/i18n.ts";
import { PendingNotice } from "./PendingNotice.tsx";

const clearFailure = (reportId: string) => {
  if (!models.pendingFailures.value.has(reportId)) return;
  const next = new Map(models.pendingFailures.value);
  next.delete(reportId);
  models.pendingFailures.value = next;
};

type Decision = ChangeStatusInput["status"];

const label: Record<Decision, MessageKey> = {
  verified: "decide.verify",
  revision_requested: "decide.revise",
  rejected: "decide.reject",
};

/** A decision asked for from the keyboard (v / r / t): the bar opens its note, or holds the verification. */
export const decisionRequest = signal<{ reportId: string; status: Decision; seq: number } | null>(null);

/**
 * Verify, send back or reject one report, in the queue or on its detail page. Sending back and rejecting
 * ask for a note first: the officer reads it on the phone. Verifying is held for ten seconds with an undo
 * (pending-decisions.ts). The decision carries the version on screen, so a report that changed meanwhile
 * (another verifier, a new revision) is refused, not overwritten. While another verifier holds the report
 * (`heldBy`), no decision is offered.
 */
export function DecisionBar({ report, heldBy }: { report: ReportView; heldBy?: string | null }) {
  const choosing = useSignal<Decision | null>(null);
  const note = useSignal("");
  const busy = useSignal(false);
  const error = useSignal<unknown>(null);
  const allowed = STATUS_CHANGES[report.status].filter((s): s is Decision => s in label);
  const request = decisionRequest.value;
  useEffect(() => {
    if (!request || request.reportId !== report.id || heldBy || !allowed.includes(request.status)) return;
    decisionRequest.value = null;
    pick(request.status);
  }, [request?.seq]);
  if (!allowed.length) return null;
  const pending = models.pending.pending.value.find((p) => p.reportId === report.id);
  const failure = models.pendingFailures.value.get(report.id);
  if (pending) return <PendingNotice reportId={report.id} due={pending.due} />;
  if (heldBy)
    return (
      <p class="decide-held" data-testid="decide-held">
        {t("claim.decisionsOff", { name: heldBy })}
      </p>
    );

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
  function pick(status: Decision) {
    error.value = null;
    clearFailure(report.id);
    if (NOTE_REQUIRED.includes(status)) choosing.value = status;
    else models.pending.schedule(report.id, report.number, { status, version: report.version });
  }

  const noteError = fieldErrors(error.value).note;
  const id = `decide-note-${report.id}`;
  return (
    <div class="decide" data-testid="decide" onKeyDown={(e) => e.stopPropagation()}>
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
      {(error.value && !noteError) || failure ? (
        <p class="field-error" role="alert" data-testid="decide-error">
          {errorText(error.value ?? failure)}
        </p>
      ) : null}
    </div>
  );
}
