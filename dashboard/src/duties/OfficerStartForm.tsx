import { useSignal } from "@preact/signals";
import { errorText, fieldErrors, locale } from "../i18n/i18n.ts";
import { Banner } from "../ui/Banner.tsx";
import { DateField } from "./DateField.tsx";
import { formatDayKey } from "@kit/wita.ts";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { OfficerSelect } from "./OfficerSelect.tsx";

/**
 * The day an officer's duties begin: a date an admin sets, or back to the day the account was made.
 * The API answers with the day in force, shown beneath; it has no way to read the days already set, so
 * the page shows only those set during this visit.
 */
export function OfficerStartForm() {
  const { duties } = models;
  const officerId = useSignal("");
  const owesFrom = useSignal("");
  const failure = useSignal<unknown>(null);
  const busy = useSignal(false);
  const errors = fieldErrors(failure.value);
  const set = duties.starts.value.get(officerId.value);
  const name = () => duties.officers.value.find((o) => o.id === officerId.value)?.displayName ?? "";

  async function save(day: string | null) {
    failure.value = null;
    busy.value = true;
    try {
      await duties.setOfficerStart(officerId.value, day);
    } catch (err) {
      failure.value = err;
    } finally {
      busy.value = false;
    }
  }

  async function submit(e: Event, day: string | null) {
    e.preventDefault();
    if (!officerId.value) {
      failure.value = { code: "invalid_input", message: "Input is not valid", fields: { startOfficer: "required" }, fieldIssues: { startOfficer: { code: "required" } } };
      return;
    }
    await save(day);
  }

  return (
    <section class="duty-section" aria-labelledby="duty-start-title">
      <h2 id="duty-start-title">{tx("duties.start")}</h2>
      <p class="muted">{tx("duties.startIntro")}</p>
      {failure.value && !Object.keys(errors).length ? <Banner kind="error">{errorText(failure.value)}</Banner> : null}
      <form class="duty-add" onSubmit={(e) => void submit(e, owesFrom.value)} noValidate data-testid="officer-start">
        <OfficerSelect name="startOfficer" value={officerId.value} onChange={(id) => (officerId.value = id)} error={errors.startOfficer ?? errors.officerId} />
        <DateField label={tx("duties.owesFrom")} name="owesFrom" value={owesFrom.value} onInput={(v) => (owesFrom.value = v)} error={errors.owesFrom} />
        <div class="form-actions">
          <button type="submit" class="button" data-testid="officer-start-save" disabled={busy.value}>
            {tx("duties.setStart")}
          </button>
          <button type="button" class="button-quiet" data-testid="officer-start-clear" disabled={busy.value} onClick={(e) => void submit(e, null)}>
            {tx("duties.clearStart")}
          </button>
        </div>
      </form>
      {set ? (
        <p class="duty-start-now" data-testid="officer-start-now" role="status">
          {tx("duties.startSet", { name: name(), day: formatDayKey(set.owesFrom, locale.value) })} ({set.setByAdmin ? tx("duties.startSetByAdmin") : tx("duties.startDefault")})
        </p>
      ) : null}
    </section>
  );
}
