import { useContext, useState } from "preact/hooks";
import { t, type MessageKey } from "../i18n/i18n.ts";
import { FieldError, Label } from "../ui/fields.tsx";
import { FormContext } from "./form-context.ts";
import { initialOf } from "./form-values.ts";

const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
const CREDIBILITY = ["1", "2", "3", "4", "5", "6"] as const;

/**
 * Nilai informasi as two plain questions (how reliable is the source, how credible is the information)
 * that combine into the contract's one value, e.g. `B2`, carried by a hidden input of that name.
 */
export function NilaiInformasiField() {
  const { initial, errors } = useContext(FormContext);
  const start = String(initialOf(initial, "pendahuluan.nilaiInformasi") ?? "");
  const [rel, setRel] = useState(start.slice(0, 1));
  const [cred, setCred] = useState(start.slice(1, 2));
  const name = "pendahuluan.nilaiInformasi";
  const error = errors.value[name];
  return (
    <fieldset class={`field${error ? " field--error" : ""}`}>
      <legend class="field__label">
        {t("f.nilaiInformasi")}
        <span class="req"> *</span> <strong>{rel && cred ? rel + cred : ""}</strong>
      </legend>
      <input type="hidden" name={name} value={rel && cred ? rel + cred : ""} />
      <Scale id="f-nilai-rel" label="f.keandalan" values={RELIABILITY} prefix="rel" value={rel} onChange={setRel} invalid={!!error && !rel} />
      <Scale id="f-nilai-cred" label="f.kebenaran" values={CREDIBILITY} prefix="cred" value={cred} onChange={setCred} invalid={!!error && !cred} />
      <FieldError id="f-nilai" error={error} />
    </fieldset>
  );
}

interface ScaleProps {
  id: string;
  label: MessageKey;
  values: readonly string[];
  /** Message key prefix of the options' texts (`rel.A`, `cred.1`). */
  prefix: "rel" | "cred";
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}

/** One of the two scales; `data-ignore` keeps it out of the form's values (the hidden input carries both). */
function Scale({ id, label, values, prefix, value, onChange, invalid }: ScaleProps) {
  return (
    <>
      <Label label={label} htmlFor={id} />
      <select id={id} data-ignore value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} aria-invalid={invalid || undefined}>
        <option value="">{t("form.choose")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}` as MessageKey)}
          </option>
        ))}
      </select>
    </>
  );
}
