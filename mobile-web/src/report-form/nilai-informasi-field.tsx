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
      <Label label="f.keandalan" htmlFor="f-nilai-rel" />
      <select id="f-nilai-rel" data-ignore value={rel} onChange={(e) => setRel((e.currentTarget as HTMLSelectElement).value)} aria-invalid={error && !rel ? true : undefined}>
        <option value="">{t("form.choose")}</option>
        {RELIABILITY.map((r) => (
          <option key={r} value={r}>
            {t(`rel.${r}` as MessageKey)}
          </option>
        ))}
      </select>
      <Label label="f.kebenaran" htmlFor="f-nilai-cred" />
      <select id="f-nilai-cred" data-ignore value={cred} onChange={(e) => setCred((e.currentTarget as HTMLSelectElement).value)} aria-invalid={error && !cred ? true : undefined}>
        <option value="">{t("form.choose")}</option>
        {CREDIBILITY.map((c) => (
          <option key={c} value={c}>
            {t(`cred.${c}` as MessageKey)}
          </option>
        ))}
      </select>
      <FieldError id="f-nilai" error={error} />
    </fieldset>
  );
}
