import { useSignal, type Signal } from "@preact/signals";
import type { AlertRule, AlertRuleSettings } from "@contract/alerts.ts";
import { errorText, fieldErrors } from "../i18n/i18n.ts";
import type { Notice, RunAction } from "../ui/notice.tsx";
import { tx } from "./messages.ts";
import { models } from "./models.ts";
import { checkRuleSettings, numberOf, PARAM_FIELDS, paramPath, RULE_ORDER, withEnabled, withParam, type ParamField } from "./rule-form.ts";

/** The error of a field or of anything inside it. */
const errorAt = (errors: Record<string, string>, path: string) => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

function ParamInput({ rule, field, value, errors, onChange }: { rule: AlertRule; field: ParamField; value: number; errors: Record<string, string>; onChange(v: number): void }) {
  const path = paramPath(rule, field.name);
  const id = `rule-${path}`;
  const error = errorAt(errors, path);
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id}>{tx(field.label)}</label>
      <input
        id={id}
        name={path}
        type="number"
        step={field.step}
        value={Number.isNaN(value) ? "" : value}
        onInput={(e) => onChange(numberOf(e.currentTarget.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {field.hint ? <small class="field-hint">{tx(field.hint)}</small> : null}
      {error ? (
        <p class="field-error" id={`${id}-error`} data-field-error={path} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The rules' settings (admins): each rule on or off and its parameters, checked with the contract's
 * schema before saving, problems beside their fields from either side; and a run of every rule now.
 */
export function RuleSettingsForm({ initial, run, notice }: { initial: AlertRuleSettings; run: RunAction; notice: Signal<Notice | null> }) {
  const { alerts } = models;
  const draft = useSignal<AlertRuleSettings>(initial);
  const failure = useSignal<unknown>(null);
  const busy = useSignal(false);
  const errors = fieldErrors(failure.value);
  const s = draft.value;

  async function submit(e: Event) {
    e.preventDefault();
    failure.value = checkRuleSettings(draft.value);
    if (failure.value) return;
    busy.value = true;
    await run(async () => {
      try {
        draft.value = await alerts.saveRules(draft.value);
      } catch (err) {
        failure.value = err;
        throw err;
      }
    }, tx("alerts.rules.saved"));
    busy.value = false;
  }

  async function evaluate() {
    busy.value = true;
    try {
      const changed = await alerts.evaluate();
      notice.value = { kind: "success", text: tx("alerts.rules.evaluated", { n: changed }) };
    } catch (err) {
      notice.value = { kind: "error", text: errorText(err) };
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="alert-rules" onSubmit={submit} noValidate data-testid="alert-rules">
      <p class="muted">{tx("alerts.rules.intro")}</p>
      <div class="alert-rule-grid">
        {RULE_ORDER.map((rule) => (
          <fieldset key={rule} class="alert-rule-set" data-rule={rule}>
            <legend>{tx(`alerts.rule.${rule}`)}</legend>
            <p class="muted">{tx(`alerts.rules.desc.${rule}`)}</p>
            <label class="check">
              <input type="checkbox" name={`${rule}.enabled`} checked={s[rule].enabled} onChange={(e) => (draft.value = withEnabled(s, rule, e.currentTarget.checked))} />
              {tx("alerts.rules.enabled")}
            </label>
            {PARAM_FIELDS[rule].map((field) => (
              <ParamInput
                key={field.name}
                rule={rule}
                field={field}
                value={(s[rule].params as Record<string, number>)[field.name] ?? Number.NaN}
                errors={errors}
                onChange={(v) => (draft.value = withParam(draft.value, rule, field.name, v))}
              />
            ))}
          </fieldset>
        ))}
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy.value} data-testid="alert-rules-save">
          {tx("alerts.rules.save")}
        </button>
        <button type="button" class="button-quiet" disabled={busy.value} data-testid="alert-rules-evaluate" onClick={() => void evaluate()}>
          {tx("alerts.rules.evaluate")}
        </button>
      </div>
    </form>
  );
}
