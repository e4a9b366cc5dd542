import { useContext } from "preact/hooks";
import { FieldError, Label } from "../ui/fields.tsx";
import { FormContext } from "../report-form/form-context.ts";
import { initialOf } from "../report-form/form-values.ts";
import { PERIOD_INPUT_TYPE, type PeriodicKind } from "./period.ts";

const PLACEHOLDER: Record<PeriodicKind, string> = { daily: "2026-03-02", weekly: "2026-W10", monthly: "2026-03" };

/** The period, with the browser's date / week / month picker (a plain text box where it has none). */
export function PeriodField({ kind }: { kind: PeriodicKind }) {
  const { initial, errors } = useContext(FormContext);
  const error = errors.value.period;
  return (
    <div class={`field${error ? " field--error" : ""}`}>
      <Label label="per.period" required htmlFor="f-period" />
      <input
        id="f-period"
        name="period"
        type={PERIOD_INPUT_TYPE[kind]}
        placeholder={PLACEHOLDER[kind]}
        defaultValue={String(initialOf(initial, "period") ?? "")}
        aria-invalid={error ? true : undefined}
      />
      <FieldError id="f-period" error={error} />
    </div>
  );
}
