import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import type { DutySettings } from "@contract/duties.ts";
import { fieldErrors, locale } from "../i18n/i18n.ts";
import type { RunAction } from "../ui/notice.tsx";
import { tx, type DutiesKey } from "./messages.ts";
import { models } from "./models.ts";
import { checkSettings, errorAt, ISO_WEEKDAYS, numberOf, toggleWeekday, weekdayName } from "./settings-form.ts";

/** One control with its label and, beneath, its own error; `path` is the server's field path. */
function SettingField({ path, label, hint, errors, children }: { path: string; label: DutiesKey; hint?: DutiesKey; errors: Record<string, string>; children: ComponentChildren }) {
  const error = errorAt(errors, path);
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={`duty-${path}`}>{tx(label)}</label>
      {children}
      {hint ? <small class="field-hint">{tx(hint)}</small> : null}
      {error ? (
        <p class="field-error" id={`duty-${path}-error`} data-field-error={path} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Props a control needs to be tied to its field: id, invalid state, and the error to read out. */
const controlOf = (path: string, errors: Record<string, string>) => {
  const invalid = errorAt(errors, path) !== undefined;
  return { id: `duty-${path}`, name: path, "aria-invalid": invalid || undefined, "aria-describedby": invalid ? `duty-${path}-error` : undefined };
};

/**
 * The deadlines as a form: daily (time, reporting weekdays), weekly (weekday and time of the week
 * after), monthly (day and time of the month after), and the reminder's lead. Checked with the
 * contract's schema before sending; either side's problems appear beside their fields.
 */
export function SettingsForm({ initial, run }: { initial: DutySettings; run: RunAction }) {
  const draft = useSignal<DutySettings>(initial);
  const failure = useSignal<unknown>(null);
  const busy = useSignal(false);
  const errors = fieldErrors(failure.value);
  const s = draft.value;
  const set = (next: DutySettings) => (draft.value = next);

  async function submit(e: Event) {
    e.preventDefault();
    const local = checkSettings(draft.value);
    failure.value = local;
    if (local) return;
    busy.value = true;
    await run(async () => {
      try {
        draft.value = await models.duties.saveSettings(draft.value);
      } catch (err) {
        failure.value = err;
        throw err;
      }
    }, tx("duties.settingsSaved"));
    busy.value = false;
  }

  const enabled = (kind: "daily" | "weekly" | "monthly") => (
    <label class="check">
      <input type="checkbox" name={`${kind}.enabled`} checked={s[kind].enabled} onChange={(e) => set({ ...s, [kind]: { ...s[kind], enabled: e.currentTarget.checked } })} />
      {tx("duties.enabled")}
    </label>
  );
  const time = (kind: "daily" | "weekly" | "monthly") => (
    <SettingField path={`${kind}.time`} label="duties.time" errors={errors}>
      <input type="time" {...controlOf(`${kind}.time`, errors)} value={s[kind].time} onInput={(e) => set({ ...s, [kind]: { ...s[kind], time: e.currentTarget.value } })} />
    </SettingField>
  );

  return (
    <form class="duty-settings" onSubmit={submit} noValidate data-testid="duty-settings">
      <div class="duty-kinds">
        <fieldset class="duty-kind" data-kind="daily">
          <legend>{tx("duties.daily")}</legend>
          {enabled("daily")}
          {time("daily")}
          <small class="field-hint">{tx("duties.dailyHint")}</small>
          <SettingField path="daily.weekdays" label="duties.weekdays" errors={errors}>
            <div class="checks" id="duty-daily.weekdays" role="group">
              {ISO_WEEKDAYS.map((d) => (
                <label key={d} class="check">
                  <input
                    type="checkbox"
                    name="daily.weekdays"
                    value={d}
                    checked={s.daily.weekdays.includes(d)}
                    onChange={(e) => set({ ...s, daily: { ...s.daily, weekdays: toggleWeekday(s.daily.weekdays, d, e.currentTarget.checked) } })}
                  />
                  {weekdayName(d, locale.value)}
                </label>
              ))}
            </div>
          </SettingField>
        </fieldset>
        <fieldset class="duty-kind" data-kind="weekly">
          <legend>{tx("duties.weekly")}</legend>
          {enabled("weekly")}
          <SettingField path="weekly.weekday" label="duties.weekday" errors={errors}>
            <select {...controlOf("weekly.weekday", errors)} value={s.weekly.weekday} onChange={(e) => set({ ...s, weekly: { ...s.weekly, weekday: Number(e.currentTarget.value) } })}>
              {ISO_WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {weekdayName(d, locale.value)}
                </option>
              ))}
            </select>
          </SettingField>
          {time("weekly")}
        </fieldset>
        <fieldset class="duty-kind" data-kind="monthly">
          <legend>{tx("duties.monthly")}</legend>
          {enabled("monthly")}
          <SettingField path="monthly.day" label="duties.day" hint="duties.dayHint" errors={errors}>
            <input
              type="number"
              min={1}
              max={28}
              {...controlOf("monthly.day", errors)}
              value={Number.isNaN(s.monthly.day) ? "" : s.monthly.day}
              onInput={(e) => set({ ...s, monthly: { ...s.monthly, day: numberOf(e.currentTarget.value) } })}
            />
          </SettingField>
          {time("monthly")}
        </fieldset>
      </div>
      <SettingField path="reminderLeadMinutes" label="duties.reminder" hint="duties.reminderHint" errors={errors}>
        <input
          type="number"
          min={0}
          max={1440}
          {...controlOf("reminderLeadMinutes", errors)}
          value={Number.isNaN(s.reminderLeadMinutes) ? "" : s.reminderLeadMinutes}
          onInput={(e) => set({ ...s, reminderLeadMinutes: numberOf(e.currentTarget.value) })}
        />
      </SettingField>
      <div class="form-actions">
        <button type="submit" class="button" data-testid="duty-settings-save" disabled={busy.value}>
          {tx("duties.saveSettings")}
        </button>
      </div>
    </form>
  );
}
