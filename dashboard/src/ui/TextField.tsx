import type { ComponentChildren } from "preact";

interface FieldProps {
  label: string;
  /** The API field name: used for the input's name, its id, and matching the server's field errors. */
  name: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}

/** Label, control, hint and error in one block; the error is tied to the control for screen readers. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={`f-${name}`}>{label}</label>
      {children}
      {hint ? <small class="field-hint">{hint}</small> : null}
      {error ? (
        <p class="field-error" id={`f-${name}-error`} data-field-error={name} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "password" | "tel";
  autoComplete?: string;
  required?: boolean;
  disabled?: boolean;
  inputMode?: "numeric" | "text" | "tel";
}

export function TextField({ label, name, value, onInput, error, hint, type = "text", ...rest }: TextFieldProps) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <input
        id={`f-${name}`}
        name={name}
        // Preact's input typings split by `type` literal; the variants we use share these attributes.
        type={type as "text"}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
        {...rest}
      />
    </Field>
  );
}
