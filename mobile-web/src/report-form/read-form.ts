import { fromWitaLocalInput } from "@kit/wita.ts";
import type { FieldValue } from "./form-values.ts";

/**
 * Read a form's named controls as typed values, steered by `data-type`:
 * `number` (empty → left out), `datetime` (WITA wall time → ISO, empty → null), `list` (checked
 * checkboxes of one name → array). Radios give the checked one's value. Browser-only; the pure part is
 * `assemble`.
 */
export function readFormFields(form: HTMLFormElement): [string, FieldValue][] {
  const out = new Map<string, FieldValue>();
  for (const el of Array.from(form.elements) as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]) {
    const name = el.name;
    if (!name || el.disabled || el.dataset.ignore !== undefined) continue;
    const type = el.dataset.type;
    if (type === "list") {
      const list = (out.get(name) as string[] | undefined) ?? [];
      if ((el as HTMLInputElement).checked) list.push(el.value);
      out.set(name, list);
    } else if (el.type === "radio") {
      if ((el as HTMLInputElement).checked) out.set(name, el.value);
      else if (!out.has(name)) out.set(name, undefined);
    } else if (type === "number") {
      const v = el.value.trim();
      out.set(name, v === "" ? undefined : Number(v));
    } else if (type === "datetime") {
      out.set(name, el.value ? (fromWitaLocalInput(el.value) ?? el.value) : null);
    } else {
      out.set(name, el.value);
    }
  }
  return [...out];
}
