import { Field } from "../ui/TextField.tsx";

interface Props {
  label: string;
  /** The API field name: the input's name and id, and where the server's error for it lands. */
  name: string;
  value: string;
  onInput(value: string): void;
  error?: string;
  hint?: string;
}

/** A WITA calendar day (`YYYY-MM-DD`, what the browser's date picker writes) with label and error. */
export function DateField({ label, name, value, onInput, error, hint }: Props) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <input
        id={`f-${name}`}
        name={name}
        type="date"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
      />
    </Field>
  );
}
