import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { AgencyView } from "@contract/follow-ups.ts";
import { FOLLOW_UP_LIMITS } from "@contract/follow-ups.ts";
import { REPORT_LIMITS, type ReportView } from "@contract/reports.ts";
import type { ReportFilterInput } from "@contract/report-queue.ts";
import { fromWitaLocalInput } from "@kit/wita.ts";
import { api } from "../api/client.ts";
import { errorText, t } from "../i18n/i18n.ts";
import type { BulkAction } from "./bulk.model.ts";
import { models } from "./models.ts";

const ACTIONS: BulkAction[] = ["verify", "reject", "request_revision", "assign"];

interface Props {
  selected: ReadonlySet<string>;
  reports: ReportView[];
  filter: ReportFilterInput;
  /** Reports matching the filter in all (from the counts). */
  total: number | null;
  onDone(): void;
}

/**
 * Bulk triage: the selected reports (or every report matching the filter) verified, rejected, sent back
 * or assigned to agencies with one note. The server checks each on its own; the results say, per report,
 * what happened.
 */
export function BulkBar({ selected, reports, filter, total, onDone }: Props) {
  const { bulk } = models;
  const action = useSignal<BulkAction>("verify");
  const note = useSignal("");
  const allMatching = useSignal(false);
  const agencies = useSignal<AgencyView[]>([]);
  const chosenAgencies = useSignal<string[]>([]);
  const deadline = useSignal("");
  useEffect(() => {
    if (action.value !== "assign" || agencies.value.length) return;
    void api.call("GET /api/agencies", { query: { active: "true" } }).then(
      (page) => (agencies.value = page.data),
      () => undefined,
    );
  }, [action.value]);
  if (!selected.size && !allMatching.value) return null;

  const needsNote = action.value !== "verify";
  const count = allMatching.value ? (total ?? 0) : selected.size;
  const ready = !bulk.busy.value && (!needsNote || note.value.trim()) && (action.value !== "assign" || chosenAgencies.value.length > 0);
  const apply = async () => {
    const versions = new Map(reports.map((r) => [r.id, r.version]));
    const items = allMatching.value ? { filter } : [...selected].flatMap((id) => (versions.has(id) ? [{ id, version: versions.get(id)! }] : []));
    await bulk.run(
      { action: action.value, note: note.value.trim() || undefined, agencyIds: chosenAgencies.value, deadline: fromWitaLocalInput(deadline.value) ?? undefined },
      items,
    );
    note.value = "";
    allMatching.value = false;
    onDone();
  };

  return (
    <section class="bulk" data-testid="bulk-bar" aria-label={t("bulk.title")} onKeyDown={(e) => e.stopPropagation()}>
      <p class="bulk-count" data-testid="bulk-count">
        {t("bulk.selected", { count })}
      </p>
      {total !== null && !allMatching.value ? (
        <button type="button" class="button-quiet" data-testid="bulk-all" onClick={() => (allMatching.value = true)}>
          {t("bulk.selectAll", { count: total })}
        </button>
      ) : null}
      <label>
        {t("bulk.action")}
        <select value={action.value} data-testid="bulk-action" onChange={(e) => (action.value = e.currentTarget.value as BulkAction)}>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`bulk.action.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {action.value === "assign" ? (
        <fieldset class="bulk-agencies">
          <legend>{t("followUp.agencies")}</legend>
          {agencies.value.map((a) => (
            <label key={a.id} class="queue-check">
              <input
                type="checkbox"
                checked={chosenAgencies.value.includes(a.id)}
                onChange={(e) => (chosenAgencies.value = e.currentTarget.checked ? [...chosenAgencies.value, a.id] : chosenAgencies.value.filter((x) => x !== a.id))}
              />
              {a.name}
            </label>
          ))}
          <label>
            {t("followUp.deadline")}
            <input type="datetime-local" value={deadline.value} onInput={(e) => (deadline.value = e.currentTarget.value)} />
          </label>
        </fieldset>
      ) : null}
      <label>
        {t(action.value === "assign" ? "followUp.instruction" : needsNote ? "bulk.noteRequired" : "bulk.note")}
        <textarea
          rows={2}
          maxLength={action.value === "assign" ? FOLLOW_UP_LIMITS.instructionMax : REPORT_LIMITS.statusNoteMax}
          value={note.value}
          data-testid="bulk-note"
          onInput={(e) => (note.value = e.currentTarget.value)}
        />
      </label>
      <div class="decide-buttons">
        <button type="button" class="button" data-testid="bulk-apply" disabled={!ready} onClick={() => void apply()}>
          {t("bulk.apply", { count })}
        </button>
        <button type="button" class="button-quiet" onClick={() => ((allMatching.value = false), onDone())}>
          {t("decide.cancel")}
        </button>
      </div>
      {bulk.error.value ? (
        <p class="field-error" role="alert">
          {errorText(bulk.error.value)}
        </p>
      ) : null}
    </section>
  );
}
