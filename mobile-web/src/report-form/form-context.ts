import { createContext } from "preact";
import type { Signal } from "@preact/signals";
import type { FieldErrors } from "./validation.ts";

/**
 * What every field of a report form needs: the payload being edited (for initial values) and the
 * current errors by field name. Inputs are uncontrolled — the DOM holds the values until saving, so
 * typing never re-renders the form on a slow phone.
 */
export interface FormState {
  initial: unknown;
  errors: Signal<FieldErrors>;
}

export const FormContext = createContext<FormState>(null as unknown as FormState);
