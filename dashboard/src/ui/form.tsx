import { useSignal, type Signal } from "@preact/signals";
import { errorText, fieldErrors } from "../i18n/i18n.ts";
import { Banner } from "./Banner.tsx";
import { TextField } from "./TextField.tsx";

/** One text input of a form, described rather than written out: forms list theirs as a table. */
export interface FieldSpec<N extends string> {
  name: N;
  label: string;
  type?: "text" | "password" | "tel";
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  /** An error the form found itself (a mismatch); the server's errors come by name. */
  error?: string;
}

/** Text inputs from a table: the values in one signal record, the server's field errors beside them. */
export function TextFields<N extends string>({ specs, values, errors }: { specs: FieldSpec<N>[]; values: Signal<Record<N, string>>; errors: Record<string, string> }) {
  return (
    <>
      {specs.map((spec) => (
        <TextField
          key={spec.name}
          {...spec}
          value={values.value[spec.name]}
          onInput={(v) => (values.value = { ...values.value, [spec.name]: v })}
          error={spec.error ?? errors[spec.name]}
        />
      ))}
    </>
  );
}

export interface SubmitState {
  busy?: boolean;
  error?: unknown;
  done?: boolean;
}

/**
 * A form's submit cycle: busy while `run` runs, then done, or the failure kept (shown as a banner, its
 * field problems beside the fields). `run` may return false when it refused to start (a local check).
 */
function useSubmit(run: () => Promise<boolean | void>) {
  const state = useSignal<SubmitState>({});
  async function submit(e: Event) {
    e.preventDefault();
    state.value = { busy: true };
    try {
      state.value = { done: (await run()) !== false };
    } catch (error) {
      state.value = { error };
    }
  }
  return { state, submit, fields: fieldErrors(state.value.error) };
}

interface SubmitFormProps<N extends string> {
  /** The change to make; false when a local check stopped it. */
  run: () => Promise<boolean | void>;
  values: Signal<Record<N, string>>;
  specs: FieldSpec<N>[];
  /** Of the form and of its submit button. */
  testIds: [form: string, submit: string];
  submitLabel: string;
  /** Shown after a success. */
  doneText: string;
}

/** A form of text fields that makes one change: failure and success banners, fields, submit button. */
export function SubmitForm<N extends string>({ run, values, specs, testIds, submitLabel, doneText }: SubmitFormProps<N>) {
  const { state, submit, fields } = useSubmit(run);
  const { error, done, busy } = state.value;
  return (
    <form class="form" onSubmit={submit} noValidate data-testid={testIds[0]}>
      {error ? <Banner kind="error">{errorText(error)}</Banner> : null}
      {done ? <Banner kind="success">{doneText}</Banner> : null}
      <TextFields specs={specs} values={values} errors={fields} />
      <button type="submit" class="button" data-testid={testIds[1]} disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
