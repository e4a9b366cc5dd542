import type { ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { toWitaLocalInput } from "@kit/wita.ts";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { FormContext } from "../report-form/form-context.ts";
import { initialOf } from "../report-form/form-values.ts";

interface Common {
  /** Contract path without `body.` (see form-values.ts). */
  name: string;
  label: MessageKey;
  required?: boolean;
  hint?: string;
}

/** The error for a field, and the ARIA wiring that makes screen readers announce it. */
function useField(name: string) {
  const { initial, errors } = useContext(FormContext);
  const error = errors.value[name];
  const id = `f-${name.replace(/\W/g, "-")}`;
  return {
    id,
    error,
    initial: initialOf(initial, name),
    aria: { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-err` : undefined },
  };
}

export function Label({ label, required, htmlFor }: { label: MessageKey; required?: boolean; htmlFor?: string }) {
  return (
    <label class="field__label" for={htmlFor}>
      {t(label)}
      {required && (
        <span class="req" title={t("form.required")}>
          {" "}
          *
        </span>
      )}
    </label>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="error small" id={`${id}-err`} role="alert">
      {error}
    </p>
  ) : null;
}

export function TextField(props: Common & { multiline?: boolean; maxLength?: number; defaultValue?: string }) {
  const f = useField(props.name);
  const value = typeof f.initial === "string" ? f.initial : (props.defaultValue ?? "");
  return (
    <div class={`field${f.error ? " field--error" : ""}`}>
      <Label label={props.label} required={props.required} htmlFor={f.id} />
      {props.multiline ? (
        <textarea name={props.name} rows={3} maxLength={props.maxLength} defaultValue={value} aria-required={props.required} {...f.aria} />
      ) : (
        <input name={props.name} maxLength={props.maxLength} defaultValue={value} aria-required={props.required} {...f.aria} />
      )}
      {props.hint && <p class="small muted">{props.hint}</p>}
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

export function NumberField(props: Common & { defaultValue?: number }) {
  const f = useField(props.name);
  const value = typeof f.initial === "number" ? f.initial : props.defaultValue;
  return (
    <div class={`field${f.error ? " field--error" : ""}`}>
      <Label label={props.label} required={props.required} htmlFor={f.id} />
      <input name={props.name} type="number" inputMode="numeric" min={0} step={1} data-type="number" defaultValue={value === undefined ? "" : String(value)} aria-required={props.required} {...f.aria} />
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

/** Date and time in WITA; the stored value is an ISO instant. */
export function DateTimeField(props: Common & { defaultNow?: boolean }) {
  const f = useField(props.name);
  const ms = typeof f.initial === "string" ? Date.parse(f.initial) : props.defaultNow ? Date.now() : NaN;
  return (
    <div class={`field${f.error ? " field--error" : ""}`}>
      <Label label={props.label} required={props.required} htmlFor={f.id} />
      <input name={props.name} type="datetime-local" data-type="datetime" defaultValue={Number.isFinite(ms) ? toWitaLocalInput(ms) : ""} aria-required={props.required} {...f.aria} />
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Extra class for the chip (colours of tingkat kerawanan). */
  tone?: string;
}

/** One-tap choices as large chips (radios), better than a select for a handful of options. */
export function ChoiceField(props: Common & { choices: Choice[]; defaultValue?: string; onChange?: (value: string) => void }) {
  const f = useField(props.name);
  const value = typeof f.initial === "string" ? f.initial : props.defaultValue;
  return (
    <fieldset class={`field${f.error ? " field--error" : ""}`} aria-describedby={f.error ? `${f.id}-err` : undefined}>
      <legend class="field__label">
        {t(props.label)}
        {props.required && <span class="req"> *</span>}
      </legend>
      <div class="chips" id={f.id}>
        {props.choices.map((c) => (
          <label key={c.value} class={`chip ${c.tone ?? ""}`}>
            <input type="radio" name={props.name} value={c.value} defaultChecked={c.value === value} onChange={() => props.onChange?.(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={f.id} error={f.error} />
    </fieldset>
  );
}

/** A native select: the phone's own picker for longer lists. Controlled when `value` is given. */
export function SelectField(props: Common & { choices: Choice[]; value?: string; defaultValue?: string; onChange?: (value: string) => void }) {
  const f = useField(props.name);
  const selected = props.value ?? (typeof f.initial === "string" ? f.initial : props.defaultValue) ?? "";
  return (
    <div class={`field${f.error ? " field--error" : ""}`}>
      <Label label={props.label} required={props.required} htmlFor={f.id} />
      <select name={props.name} value={props.value} aria-required={props.required} onChange={(e) => props.onChange?.((e.currentTarget as HTMLSelectElement).value)} {...f.aria}>
        <option value="">{t("form.choose")}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value} selected={props.value === undefined ? c.value === selected : undefined}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldError id={f.id} error={f.error} />
    </div>
  );
}

/**
 * A foldable part of the form (`<details>`: no script, and folded fields keep their values). Shows how
 * many errors are inside, so a folded section with a problem is not missed.
 */
export function Section(props: { title: MessageKey; open?: boolean; names?: string[]; children: ComponentChildren; id?: string }) {
  const { errors } = useContext(FormContext);
  const count = Object.keys(errors.value).filter((k) => props.names?.some((n) => k === n || k.startsWith(`${n}.`))).length;
  return (
    <details class="section" open={props.open || count > 0} id={props.id} data-section={props.id}>
      <summary>
        {t(props.title)}
        {count > 0 && <span class="badge badge--danger">{count}</span>}
      </summary>
      <div class="section__body stack">{props.children}</div>
    </details>
  );
}
